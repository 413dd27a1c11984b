/** unit-mismatch (error, at the actual cell): units that do not convert (RULES §3). */
import rule from "../../../src/core/rules/unit-mismatch";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test("项 against 个", () => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "30.00(个)" } }) }));
    const f = single(result, "unit-mismatch");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "actual"));
    expect(f.cell).toBe("E13");
    expect(f.message.zh).toContain("指标值单位为“项”");
    expect(f.message.zh).toContain("实际完成值单位为“个”");
    expect(errorsOf(result)).toEqual(["unit-mismatch@E13"]);
  });

  test("小时 against %", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "95.00(%)" } }) }));
    const f = single(result, "unit-mismatch");
    expect(f.cell).toBe("E15");
    expect(f.message.zh).toContain("“小时”");
    expect(f.message.zh).toContain("“%”");
  });

  test("工作日 is not a fixed length of time: 工作日 against 天 does not convert", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { target: "≤5.00(工作日)", actual: "3.00(天)" } }) }));
    expect(single(result, "unit-mismatch").cell).toBe("E15");
  });
});

describe("near misses", () => {
  test.each([
    ["the same unit", "≥25.00(项)", "30.00(项)"],
    ["a unit in full-width parentheses", "≥25.00(项)", "30.00（项）"],
    ["an actual without a unit", "≥25.00(项)", "30"],
    ["units that convert (万条 → 亿条)", "≥1.50(亿条)", "16000.00(万条)"],
    ["units that convert (分钟 → 小时)", "≥1.00(小时)", "90(分钟)"],
  ])("%s", (_label, target, actual) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target, actual } }) }));
    expect(withCode(result, "unit-mismatch")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "the same units", form: forms.formOf() },
    { name: "units that convert", form: forms.formWithRows({ 2: { actual: "90(分钟)" } }) },
  ],
  invalid: [
    { name: "个 against 项", form: forms.formWithRows({ 0: { actual: "30.00(个)" } }), findings: [{ cell: "E13", messageId: "mismatch", data: { targetUnit: "项", actualUnit: "个" } }] },
    { name: "% against 小时", form: forms.formWithRows({ 2: { actual: "95.00(%)" } }), findings: [{ cell: "E15", messageId: "mismatch" }] },
  ],
});
}
