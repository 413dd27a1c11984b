/** missing-target (error, at the target cell): an indicator without its 年度指标值 (RULES §6). */
import rule from "../../../src/core/rules/missing-target";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { buildSelfEval } from "../../builders/selfEval";
import { analyzeSheet } from "../../../src/core/engine";
import { errorsOf, indicatorsWith, plainSpec, run, runTargets, single, targets2024, withCode } from "./support";

describe("triggers", () => {
  test.each([
    ["empty", null],
    ["an empty string", ""],
    ["white space", "   "],
  ])("self-evaluation: a target cell that is %s", (_label, target) => {
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { target } }) }));
    const f = single(result, "missing-target");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "target"));
    expect(f.cell).toBe("D13");
    expect(f.message.zh).toContain("第13行“完成事项数”");
    expect(f.message.zh).toContain("未填写年度指标值");
    // The row cannot be scored, but nothing else is wrong with the form.
    expect(errorsOf(result)).toEqual(["missing-target@D13"]);
  });

  test("self-evaluation, split target (指标性质 | 指标值 | 计量单位 all empty): reported at the 指标值 cell", () => {
    const inds = indicatorsWith({ 0: { split: { op: "", value: null, unit: "" } } }).map((ind, i) =>
      i === 0 || ind.split ? ind : { ...ind, split: { op: "", value: ind.target, unit: "" } },
    );
    const built = buildSelfEval(plainSpec({ indicators: inds, splitTarget: true }));
    const result = analyzeSheet(built.builder.toSnapshot());
    const f = single(result, "missing-target");
    // Columns: D 指标性质, E 指标值, F 计量单位.
    expect(f.cell).toBe("E13");
  });

  test("target form (2024): a row without 指标值", () => {
    const rows = targets2024();
    rows[1] = { ...rows[1], target: null };
    const { built, result } = runTargets("2024", rows);
    expect(result.kind).toBe("targets");
    const f = single(result, "missing-target");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.targetCell(1));
    expect(f.cell).toBe("D9");
    expect(f.message.zh).toContain("第9行“门户网站测评数”未填写指标值");
  });
});

describe("near misses", () => {
  test("a qualitative target (健全) is a target", () => {
    const { result } = run(plainSpec());
    expect(withCode(result, "missing-target")).toEqual([]);
  });

  test("a target of 0 (=0) is not missing", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { name: "系统故障率", target: "=0", actual: "0" } }) }));
    expect(withCode(result, "missing-target")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("the 2024 seed rows are complete", () => {
    expect(withCode(runTargets("2024", targets2024()).result, "missing-target")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "every target given", form: forms.formOf() },
    { name: "a target of =0", form: forms.formWithRows({ 2: { name: "系统故障率", target: "=0", actual: "0" } }) },
  ],
  invalid: [
    { name: "a self-evaluation row without its target", form: forms.formWithRows({ 0: { target: null } }), findings: [{ cell: "D13", messageId: "evaluation" }] },
    { name: "a declaration row without its target", form: forms.targetsForm("2024", forms.targets2024().map((r, i) => (i === 1 ? { ...r, target: null } : r))), findings: [{ cell: "D9", messageId: "declaration" }] },
  ],
});
}
