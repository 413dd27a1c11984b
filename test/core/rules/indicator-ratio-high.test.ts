/** indicator-ratio-high (warning, optional: RULES-2 §11.2, unconfirmed, off by default). */
import rule from "../../../src/core/rules/indicator-ratio-high";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { indicatorsWith, plainSpec, run, single, withCode } from "./support";

// Half the budget spent (rate 50.00 %), every indicator scored in full: total 5.00 + 90 = 95.00.
const halfSpent = () => plainSpec({ funds: { initial: 100, budget: 100, executed: 50 }, total: 95, grade: "优" });

describe("triggers", () => {
  test("with the setting on: a rate below 60 % and the indicators at ≥ 95 % of their weights", () => {
    const { built, result } = run(halfSpent(), { plausibility: true });
    const f = single(result, "indicator-ratio-high");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(built.totalCell);
    expect(f.message.zh).toContain("预算执行率仅 50.00%");
    expect(f.message.zh).toContain("分值的 100.00%");
  });

  test("the thresholds are settings", () => {
    const spec = plainSpec({ funds: { initial: 100, budget: 100, executed: 70 }, total: 97, grade: "优" });
    expect(withCode(run(spec, { plausibility: true }).result, "indicator-ratio-high")).toEqual([]);
    expect(withCode(run(spec, { plausibility: true, rateLow: 75 }).result, "indicator-ratio-high")).toHaveLength(1);
  });
});

describe("near misses", () => {
  test("off by default", () => {
    expect(withCode(run(halfSpent()).result, "indicator-ratio-high")).toEqual([]);
  });
  test("a rate of 60 % or more", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 60 }, total: 96, grade: "优" }), { plausibility: true });
    expect(withCode(result, "indicator-ratio-high")).toEqual([]);
  });
  test("indicators below the ratio (80 of 90 points, 88.89 %)", () => {
    const spec = plainSpec({ funds: { initial: 100, budget: 100, executed: 50 }, indicators: indicatorsWith({ 0: { score: 10, reason: "部分事项顺延至次年。" } }), total: 85, grade: "良" });
    const { result } = run(spec, { plausibility: true });
    expect(withCode(result, "indicator-ratio-high")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const halfSpent = forms.formOf({ funds: { initial: 100, budget: 100, executed: 50 }, total: 95, grade: "优" });

ruleTester.run(rule, {
  valid: [
    { name: "the setting off", form: halfSpent },
    { name: "a rate of 98.50 %", form: forms.formOf(), settings: { plausibility: true } },
  ],
  invalid: [
    { name: "50 % spent, indicators in full", form: halfSpent, settings: { plausibility: true }, findings: [{ cell: "G19", messageId: "high", data: { rate: "50.00", ratio: "100.00" } }] },
  ],
});
}
