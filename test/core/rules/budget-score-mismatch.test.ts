/**
 * budget-score-mismatch (error, at the budget score cell) — RULES §4: 得分 = 分值 × min(执行率, 100) / 100,
 * cut to two decimals by default.
 */
import rule from "../../../src/core/rules/budget-score-mismatch";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import type { SelfEvalSpec } from "../../builders/selfEval";
import { plainSpec, run, single, withCode } from "./support";

type Funds = NonNullable<SelfEvalSpec["funds"]>;
const seed = (rate: number, score: number): Funds => ({ initial: 11962.44, budget: 11962.44, executed: 9708.37, rate, score });
const district = (rate: number, score: number): Funds => ({ initial: 1000, budget: 1000, executed: 861.83, rate, score });

describe("truncate (default)", () => {
  test("10 × 81.15% = 8.115 is 8.11, not the rounded 8.12", () => {
    const { built, result } = run(plainSpec({ funds: seed(81.15, 8.12) }));
    const f = single(result, "budget-score-mismatch");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.budgetScoreCell);
    expect(f.cell).toBe("H6");
    expect(f.message.zh).toContain("预算执行得分应为 8.11");
    expect(f.message.zh).toContain("10.00 × 81.15%");
    expect(f.message.zh).toContain("表中为 8.12");
  });

  test("86.19 / 8.62 (the district form, rounded up) is wrong under truncate: 8.61", () => {
    const { result } = run(plainSpec({ funds: district(86.19, 8.62) }));
    expect(single(result, "budget-score-mismatch").message.zh).toContain("预算执行得分应为 8.61");
    expect(withCode(result, "budget-rate-mismatch")).toHaveLength(1);
  });

  test("spending above the budget scores the full weight, no more", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 105, rate: 105, score: 10.5 } }));
    expect(single(result, "budget-score-mismatch").message.zh).toContain("预算执行得分应为 10.00");
  });

  test("a weight of 8 in the funds row: 8 × 98.5% = 7.88", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, weight: 8, rate: 98.5, score: 7.9 } }));
    expect(single(result, "budget-score-mismatch").message.zh).toContain("应为 7.88");
  });

  test("an empty budget score: the message gives the figure", () => {
    const { result } = run(plainSpec({ funds: seed(81.15, null as unknown as number) }));
    const f = single(result, "budget-score-mismatch");
    expect(f.cell).toBe("H6");
    expect(f.message.zh).toContain("8.11");
  });
});

describe("near misses", () => {
  test.each<[string, Funds]>([
    ["8.11 (seed 001)", seed(81.15, 8.11)],
    ["9.20 for 92.04% (seed 001, 政务云)", { initial: 25693.67, budget: 24600.36, executed: 22643.67, rate: 92.04, score: 9.2 }],
    ["10.00 at 105%", { initial: 100, budget: 100, executed: 105, rate: 105, score: 10 }],
    ["a score stored as text", seed(81.15, "8.11" as unknown as number)],
  ])("%s", (_label, funds) => {
    expect(withCode(run(plainSpec({ funds })).result, "budget-score-mismatch")).toEqual([]);
  });
});

describe("the rounding setting", () => {
  test("half-up: 81.16 → 8.116 → 8.12 is right, 8.11 wrong", () => {
    expect(withCode(run(plainSpec({ funds: seed(81.16, 8.12) }), { rounding: "half-up" }).result, "budget-score-mismatch")).toEqual([]);
    expect(single(run(plainSpec({ funds: seed(81.16, 8.11) }), { rounding: "half-up" }).result, "budget-score-mismatch").message.zh).toContain(
      "应为 8.12",
    );
  });

  test("up: 86.183% → 86.19 → 8.619 → 8.62, the district form is right", () => {
    const { result } = run(plainSpec({ funds: district(86.19, 8.62) }), { rounding: "up" });
    expect(withCode(result, "budget-score-mismatch")).toEqual([]);
    expect(withCode(result, "budget-rate-mismatch")).toEqual([]);
    expect(result.figures?.budget).toMatchObject({ rate: 86.19, score: 8.62 });
  });

  test("half-up: 86.183% → 86.18 → 8.618 → 8.62 (score right, rate wrong)", () => {
    const { result } = run(plainSpec({ funds: district(86.19, 8.62) }), { rounding: "half-up" });
    expect(withCode(result, "budget-score-mismatch")).toEqual([]);
    expect(withCode(result, "budget-rate-mismatch")).toHaveLength(1);
  });

  test("truncate figures for the district form: 86.18 and 8.61", () => {
    const { result } = run(plainSpec({ funds: district(86.18, 8.61) }));
    expect(result.figures?.budget).toMatchObject({ rate: 86.18, score: 8.61 });
    expect(withCode(result, "budget-score-mismatch")).toEqual([]);
  });
});

// Regression test (fixed in src/core/numbers.ts round2, half-up since "Cheaper two-decimal rounding"): 10 × 89.95% =
// 8.995 is 8.99499999… in binary and is rounded down, so a correct half-up form stating 9.00 is
// reported as "预算执行得分应为 8.99". See test/core/scoring/rounding.test.ts for the full list.
test("half-up: 89.95% scores 9.00 (8.995 rounded half up)", () => {
  const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 89.95, rate: 89.95, score: 9 } }), { rounding: "half-up" });
  expect(result.figures?.budget?.score).toBe(9);
  expect(withCode(result, "budget-score-mismatch")).toEqual([]);
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "9.85 as computed", form: forms.formOf() },
    { name: "spending past the budget scores the full weight", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 105, rate: 105, score: 10 } }) },
  ],
  invalid: [
    { name: "the score left empty", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 98.5, score: null } }), findings: [{ cell: "H6", messageId: "empty", data: { score: "9.85" }, fix: "fill" }] },
    { name: "the score stated as 9.80", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 98.5, score: 9.8 } }), findings: [{ cell: "H6", messageId: "differs", data: { score: "9.85", stated: "9.80" } }] },
    { name: "a weight of 8: 7.88, not 7.90", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 98.5, weight: 8, rate: 98.5, score: 7.9 } }), findings: [{ cell: "H6", messageId: "differs", data: { score: "7.88", weight: "8.00" } }] },
  ],
});
}
