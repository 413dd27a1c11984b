/** unit-converted (warning, at the actual cell): an actual in a convertible unit (RULES §3). */
import rule from "../../../src/core/rules/unit-converted";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test("万条 against 亿条: 16000 万条 = 1.6 亿条, met", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { name: "数据归集量", target: "≥1.50(亿条)", actual: "16000.00(万条)" } }) }));
    const f = single(result, "unit-converted");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(built.cell(0, "actual"));
    expect(f.cell).toBe("E13");
    expect(f.message.zh).toContain("16000万条 已换算为 1.6亿条");
    expect(result.evaluations[0].actual).toBeCloseTo(1.6, 12);
    expect(result.evaluations[0].met).toBe(true);
    expect(errorsOf(result)).toEqual([]);
  });

  test("the converted value is what is scored: 12000 万条 against ≥1.50 亿条 → 20 × 1.2 / 1.5 = 16.00", () => {
    const { result } = run(
      plainSpec({ indicators: indicatorsWith({ 0: { target: "≥1.50(亿条)", actual: "12000(万条)", score: 16, reason: "数据源接入延后" } }), total: 95.85 }),
    );
    expect(single(result, "unit-converted").cell).toBe("E13");
    expect(result.evaluations[0].suggested).toBe(16);
    expect(errorsOf(result)).toEqual([]);
  });

  test("分钟 against 小时: 90 分钟 = 1.5 小时 ≤ 2 小时", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "90(分钟)" } }) }));
    const f = single(result, "unit-converted");
    expect(f.cell).toBe("E15");
    expect(f.message.zh).toContain("90分钟 已换算为 1.5小时");
    expect(result.evaluations[2].met).toBe(true);
  });

  test("元 against 万元", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { name: "单位运维成本", target: "≤2.00(万元)", actual: "15000(元)" } }) }));
    const f = single(result, "unit-converted");
    expect(f.message.zh).toContain("15000元 已换算为 1.5万元");
    expect(result.evaluations[2].met).toBe(true);
  });
});

describe("near misses", () => {
  test.each([
    ["the same unit", "≥1.50(亿条)", "1.60(亿条)"],
    ["no unit on the actual", "≥1.50(亿条)", "1.6"],
  ])("%s", (_label, target, actual) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target, actual } }) }));
    expect(withCode(result, "unit-converted")).toEqual([]);
  });

  test("units that do not convert are an error, not a conversion", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "30(个)" } }) }));
    expect(withCode(result, "unit-converted")).toEqual([]);
    expect(withCode(result, "unit-mismatch")).toHaveLength(1);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "units as the targets'", form: forms.formOf() },
    { name: "a unit that does not convert is not this rule's", form: forms.formWithRows({ 0: { actual: "30.00(个)" } }) },
  ],
  invalid: [
    { name: "万条 against 亿条", form: forms.formWithRows({ 0: { name: "数据归集量", target: "≥1.50(亿条)", actual: "16000.00(万条)" } }), findings: [{ cell: "E13", messageId: "converted", data: { from: "万条", to: "亿条" } }] },
    { name: "分钟 against 小时", form: forms.formWithRows({ 2: { actual: "90(分钟)" } }), findings: [{ cell: "E15", messageId: "converted", data: { to: "小时" } }] },
  ],
});
}
