/**
 * score-above-rule (warning, at the score cell): a score above the suggested maximum of
 * 财预〔2020〕10号 第十七条 (RULES §4). Seed 001 scores 5.50 where 8 × 54/80 = 5.40 and was accepted.
 */
import rule from "../../../src/core/rules/score-above-rule";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, standardIndicators, withCode, type IndicatorSpec } from "./support";

/** Row 13 split off row 0: weight 8, 54 against ≥80 个; row 14 keeps the other 12 points. */
function seedRow(score: number): IndicatorSpec[] {
  const [first, ...rest] = standardIndicators();
  return [
    { l1: "产出指标", l2: "数量指标", name: "新增接入系统数", target: "≥80.00(个)", actual: "54.00(个)", weight: 8, score, reason: "部分系统改造延期" },
    { ...first, weight: 12, score: 12 },
    ...rest,
  ];
}

describe("triggers", () => {
  test("the seed case: 5.50 where 8 × 54 / 80 = 5.40", () => {
    // Total 9.85 + 5.50 + 12 + 70 = 97.35.
    const { built, result } = run(plainSpec({ indicators: seedRow(5.5), total: 97.35 }));
    const f = single(result, "score-above-rule");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(built.cell(0, "score"));
    expect(f.cell).toBe("G13");
    expect(f.message.zh).toContain("得分 5.50 高于建议上限 5.40");
    expect(f.message.zh).toContain("分值×实际值/指标值");
    // A warning only: the seed form was accepted.
    expect(errorsOf(result)).toEqual([]);
  });

  test("lower-is-better, ratio (default): 10 × 2 / 2.5 = 8.00, scored 8.50", () => {
    const { result } = run(
      plainSpec({ indicators: indicatorsWith({ 2: { actual: "2.50(小时)", score: 8.5, reason: "故障集中" } }), total: 98.35 }),
    );
    const f = single(result, "score-above-rule");
    expect(f.cell).toBe("G15");
    expect(f.message.zh).toContain("高于建议上限 8.00");
    expect(f.message.zh).toContain("分值×指标值/实际值");
  });

  test("lower-is-better, deviation setting: 10 × (1 − 0.5/2) = 7.50, scored 8.00", () => {
    const { result } = run(
      plainSpec({ indicators: indicatorsWith({ 2: { actual: "2.50(小时)", score: 8, reason: "故障集中" } }), total: 97.85 }),
      { reverseFormula: "deviation" },
    );
    const f = single(result, "score-above-rule");
    expect(f.message.zh).toContain("得分 8.00 高于建议上限 7.50");
    expect(f.message.zh).toContain("分值×(1−偏离度)");
  });
});

describe("near misses", () => {
  test.each([5.4, 5.39, 0])("the seed row scored %d", (score) => {
    const total = Math.round((9.85 + score + 82) * 100) / 100;
    const { result } = run(plainSpec({ indicators: seedRow(score), total, grade: total >= 90 ? "优" : "良" }));
    expect(withCode(result, "score-above-rule")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("lower-is-better 8.00 is exactly the ratio suggestion", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "2.50(小时)", score: 8, reason: "故障集中" } }), total: 97.85 }));
    expect(withCode(result, "score-above-rule")).toEqual([]);
  });

  test("a score above the weight is score-exceeds-weight, not also this warning", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: 21, reason: "x" } }), total: 100.85 }));
    expect(withCode(result, "score-above-rule")).toEqual([]);
    expect(withCode(result, "score-exceeds-weight")).toHaveLength(1);
  });

  test("qualitative rows are checked by their tier band instead", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "部分达成", score: 16, reason: "x" } }), total: 95.85 }));
    expect(withCode(result, "score-above-rule")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "scores as the rules give them", form: forms.formOf() },
    { name: "20 of ≥25 scored 16", form: forms.formWithRows({ 0: { actual: "20.00(项)", score: 16, reason: "人员不足" } }) },
  ],
  invalid: [
    { name: "20 of ≥25 scored 18", form: forms.formWithRows({ 0: { actual: "20.00(项)", score: 18, reason: "人员不足" } }), findings: [{ cell: "G13", messageId: "above", data: { score: "18.00", suggested: "16.00" } }] },
    { name: "2.5 hours against ≤2 scored in full", form: forms.formWithRows({ 2: { actual: "2.50(小时)", score: 10, reason: "设备老化" } }), findings: [{ cell: "G15", messageId: "above", data: { score: "10.00" } }] },
  ],
});
}
