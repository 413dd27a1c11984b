/** vague-target (warning, at the target cell): a 满意度 target that is not a number (RULES §6). */
import rule from "../../../src/core/rules/vague-target";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { indicatorsWith, plainSpec, run, runTargets, single, targets2020, targets2024, withCode } from "./support";

test("self-evaluation: 用户满意度 with the target 满意", () => {
  const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 5: { target: "满意", actual: "达成指标" } }) }));
  const f = single(result, "vague-target");
  expect(f.severity).toBe("warning");
  expect(f.cell).toBe(built.cell(5, "target"));
  expect(f.cell).toBe("D18");
  expect(f.message.zh).toContain("“用户满意度”的指标值“满意”不可衡量");
  expect(result.findings.filter((x) => x.severity === "error")).toEqual([]);
});

test("2020 target form (seed 000): 工作人员满意度 满意", () => {
  const rows = targets2020();
  rows[4] = { ...rows[4], target: "满意" };
  const { built, result } = runTargets("2020", rows);
  expect(single(result, "vague-target").cell).toBe(built.targetCell(4));
});

describe("near misses", () => {
  test("a numeric satisfaction target", () => {
    expect(withCode(run(plainSpec()).result, "vague-target")).toEqual([]);
    expect(withCode(runTargets("2024", targets2024()).result, "vague-target")).toEqual([]);
  });

  test("a qualitative target on another indicator (健全)", () => {
    const { result } = run(plainSpec());
    expect(result.evaluations[4].indicator.target.kind).toBe("qualitative");
    expect(withCode(result, "vague-target")).toEqual([]);
  });

  test("a numeric satisfaction target written with a comparator word", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 5: { target: "不低于90%" } }) }));
    expect(withCode(result, "vague-target")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "satisfaction as a number", form: forms.formOf() },
    { name: "a qualitative target elsewhere", form: forms.formWithRows({ 4: { target: "较为健全" } }) },
  ],
  invalid: [
    { name: "satisfaction as 较高", form: forms.formWithRows({ 5: { target: "较高" } }), findings: [{ cell: "D18", messageId: "notMeasurable", data: { target: "较高" } }] },
  ],
});
}
