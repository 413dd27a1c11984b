/** missing-score (error, at the score cell; only before filling) — RULES §6. */
import rule from "../../../src/core/rules/missing-score";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { planFill } from "../../../src/core/fill";
import { errorsOf, indicatorsWith, legacyWith, plainSpec, run, runLegacy, single, withCode } from "./support";

describe("triggers", () => {
  test("an empty score on a row the rules can score: the message gives the suggestion", () => {
    // 20 项 against ≥25 项: 20 × 20 / 25 = 16.00.
    const spec = plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null, reason: "人员不足" } }), total: 95.85 });
    const { built, result, snap } = run(spec);
    const f = single(result, "missing-score");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "score"));
    expect(f.cell).toBe("G13");
    expect(f.message.zh).toContain("第13行“完成事项数”未填写得分");
    expect(f.message.zh).toContain("建议 16.00 分");
    expect(errorsOf(result)).toEqual(["missing-score@G13"]);
    // Only before filling: once filled the error is gone.
    const { plan, after } = planFill(snap);
    expect(plan.writes).toContainEqual(expect.objectContaining({ cell: "G13", value: 16, purpose: "score" }));
    expect(withCode(after, "missing-score")).toEqual([]);
    expect(errorsOf(after)).toEqual([]);
  });

  test("an empty score on a qualitative row suggests the tier's 80% for 部分达成", () => {
    const { result } = run(
      plainSpec({ indicators: indicatorsWith({ 3: { actual: "部分达成指标并具有一定效果", score: null, reason: "推进较慢" } }), total: 95.85 }),
    );
    const f = single(result, "missing-score");
    expect(f.cell).toBe("G16");
    expect(f.message.zh).toContain("建议 16.00 分");
  });

  test("a score that is not a number", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 1: { score: "待定" } }) }));
    const f = single(result, "missing-score");
    expect(f.cell).toBe("G14");
    expect(f.message.zh).toContain("得分不是数字");
  });

  test("legacy: an empty 自评分 on a weighted row", () => {
    const { built, result } = runLegacy({ sections: legacyWith({ 1: { score: null } }) });
    const f = single(result, "missing-score");
    expect(f.cell).toBe(built.scoreCell(1));
    expect(f.cell).toBe("E15");
    expect(f.message.zh).toContain("绩效目标合理性");
  });
});

describe("near misses", () => {
  test("a score of 0 is a score", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { score: 0, reason: "系统故障未及时处理" } }), total: 89.85, grade: "良" }));
    expect(withCode(result, "missing-score")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("a score stored as text is a score", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: "20.00" } }) }));
    expect(withCode(result, "missing-score")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("legacy placeholder rows need no score", () => {
    const { result } = runLegacy({ sections: legacyWith({ 6: { score: null }, 11: { score: null } }) });
    expect(withCode(result, "missing-score")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "every score given", form: forms.formOf() },
    { name: "a score of 0", form: forms.formWithRows({ 2: { score: 0, reason: "系统故障未及时处理" } }) },
    { name: "a score stored as text", form: forms.formWithRows({ 0: { score: "20.00" } }) },
  ],
  invalid: [
    { name: "an empty score the rules can suggest", form: forms.formWithRows({ 0: { actual: "20.00(项)", score: null, reason: "人员不足" } }), findings: [{ cell: "G13", messageId: "suggested", data: { suggested: "16.00" }, fix: "fill" }] },
    { name: "a score that is not a number", form: forms.formWithRows({ 1: { score: "待定" } }), findings: [{ cell: "G14", messageId: "notNumber" }] },
    { name: "an empty score beside an actual no rule scores", form: forms.formWithRows({ 3: { actual: "良好", score: null } }), findings: [{ cell: "G16", messageId: "missing" }] },
  ],
});
}
