/** grade-vs-rate (warning, optional: RULES-2 §11.2, unconfirmed, off by default): 优 with a rate below 80 %. */
import rule from "../../../src/core/rules/grade-vs-rate";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { indicatorsWith, plainSpec, run, single, withCode } from "./support";

describe("triggers", () => {
  test("with the setting on: 优 (95.00) with a rate of 50.00 %", () => {
    const { built, result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 50 }, total: 95, grade: "优" }), { plausibility: true });
    const f = single(result, "grade-vs-rate");
    expect(f.cell).toBe(built.gradeCell);
    expect(f.message.zh).toContain("预算执行率为 50.00%");
  });
});

describe("near misses", () => {
  test("off by default", () => {
    expect(withCode(run(plainSpec({ funds: { initial: 100, budget: 100, executed: 50 }, total: 95, grade: "优" })).result, "grade-vs-rate")).toEqual([]);
  });
  test("a rate of 80 % or more", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 80 }, total: 98, grade: "优" }), { plausibility: true });
    expect(withCode(result, "grade-vs-rate")).toEqual([]);
  });
  test("a grade below 优 (良, 80.00)", () => {
    const spec = plainSpec({ funds: { initial: 100, budget: 100, executed: 50 }, indicators: indicatorsWith({ 0: { score: 5, reason: "部分事项顺延至次年。" } }), total: 80, grade: "良" });
    const { result } = run(spec, { plausibility: true });
    expect(result.figures?.grade).toBe("良");
    expect(withCode(result, "grade-vs-rate")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const halfSpent = forms.formOf({ funds: { initial: 100, budget: 100, executed: 50 }, total: 95, grade: "优" });

ruleTester.run(rule, {
  valid: [
    { name: "the setting off", form: halfSpent },
    { name: "优 at 98.50 %", form: forms.formOf(), settings: { plausibility: true } },
  ],
  invalid: [
    { name: "优 at 50 %", form: halfSpent, settings: { plausibility: true }, findings: [{ cell: "F20", messageId: "topGradeLowRate", data: { rate: "50.00" } }] },
  ],
});
}
