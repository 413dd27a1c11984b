/** missing-actual (error, at the actual cell): an indicator without its 实际完成值 (RULES §6). */
import rule from "../../../src/core/rules/missing-actual";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test.each([
    ["a qualitative row", 3, "E16", "服务能力"],
    ["a quantitative row", 0, "E13", "完成事项数"],
  ])("%s with an empty actual", (_label, i, cell, name) => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ [i]: { actual: null } }) }));
    const f = single(result, "missing-actual");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(i, "actual"));
    expect(f.cell).toBe(cell);
    expect(f.message.zh).toContain(`“${name}”未填写实际完成值`);
    expect(errorsOf(result)).toEqual([`missing-actual@${cell}`]);
  });

  test("an actual of white space only", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 5: { actual: "  " } }) }));
    expect(single(result, "missing-actual").cell).toBe("E18");
  });
});

describe("near misses", () => {
  test.each(["达成指标", "达成年度指标", "已达成", "完成"])("the tier %s is an actual", (actual) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual } }) }));
    expect(withCode(result, "missing-actual")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("an actual of 0 is an actual (故障率 =0)", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { name: "系统故障率", target: "=0", actual: 0 } }) }));
    expect(withCode(result, "missing-actual")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "every actual given", form: forms.formOf() },
    { name: "an actual of 0 against =0", form: forms.formWithRows({ 2: { name: "系统故障率", target: "=0", actual: 0 } }) },
  ],
  invalid: [
    { name: "a quantitative row without its actual", form: forms.formWithRows({ 0: { actual: null } }), findings: [{ cell: "E13", messageId: "missing" }] },
    { name: "a qualitative row with only a space", form: forms.formWithRows({ 3: { actual: "  " } }), findings: [{ cell: "E16", messageId: "missing" }] },
  ],
});
}
