/** unparseable-target (error, at the target cell): a quantitative-looking target that cannot be read (RULES §3). */
import rule from "../../../src/core/rules/unparseable-target";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, plainSpec, run, runTargets, single, targets2024, withCode } from "./support";

describe("triggers", () => {
  test.each(["≥(%)", ">=(项)", "≥abc", "1..5(项)", "≤ (小时)"])("self-evaluation target %s", (target) => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 1: { target } }) }));
    const f = single(result, "unparseable-target");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(1, "target"));
    expect(f.cell).toBe("D14");
    expect(f.message.zh).toContain(`指标值“${target}”无法识别`);
    // The row is not scored from an unreadable target, so no other error follows from it.
    expect(errorsOf(result)).toEqual(["unparseable-target@D14"]);
  });

  test("target form: ≥(%)", () => {
    const rows = targets2024();
    rows[2] = { ...rows[2], target: "≥(%)" };
    const { result } = runTargets("2024", rows);
    const f = single(result, "unparseable-target");
    expect(f.cell).toBe("D10");
    expect(f.message.zh).toContain("“≥(%)”");
  });
});

describe("near misses", () => {
  test.each([
    ["a readable target with spaces", "≥ 25.00 (项)", "30.00(项)"],
    ["a comparator word", "不少于25项", "30.00(项)"],
    ["a qualitative word", "有效降低", "达成指标"],
    ["a sentence with a number in it", "驻场技术工程师在10分钟内赶到故障现场", "达成指标"],
    ["a sentence with a comparator in it", "新设企业通过全程网办方式占比≥60%", "达成指标"],
  ])("%s: %s", (_label, target, actual) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target, actual } }) }));
    expect(withCode(result, "unparseable-target")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "every target readable", form: forms.formOf() },
  ],
  invalid: [
    { name: "a comparator without a number", form: forms.formWithRows({ 1: { target: "≥(%)" } }), findings: [{ cell: "D14", messageId: "unreadable", data: { target: "≥(%)" } }] },
    { name: "a declaration's target without a number", form: forms.targetsForm("2024", forms.targets2024().map((r, i) => (i === 2 ? { ...r, target: "≥(%)" } : r))), findings: [{ cell: "D10", messageId: "unreadable" }] },
  ],
});
}
