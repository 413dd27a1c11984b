/**
 * Quantitative indicators (RULES §4, 财预〔2020〕10号 第十七条): met → full weight; not met,
 * higher-is-better → weight × actual / target; lower-is-better → weight × target / actual (target 0
 * → 0), or with the `deviation` setting weight × max(0, 1 − (actual − target) / target). An `=` target
 * exceeded counts as met. The result is the suggested maximum, two decimals by the rounding setting.
 */
import fc from "fast-check";
import { completionPercent, earnedShare, higherIsBetter, isMet } from "../../../src/core/scoring/quantitative";
import { round2 } from "../../../src/core/numbers";
import type { Comparator } from "../../../src/core/values/types";
import { indicatorsWith, plainSpec, run } from "../rules/support";

describe("direction and meeting the target", () => {
  test.each<[Comparator, number, boolean]>([
    [">=", 25, true],
    [">", 2, true],
    ["<=", 2, false],
    ["<", 5, false],
    ["=", 100, true],
    ["=", 0, false],
  ])("%s %d is higher-is-better: %s", (op, t, want) => {
    expect(higherIsBetter(op, t)).toBe(want);
  });

  test.each<[Comparator, number, number, boolean]>([
    [">=", 25, 25, true],
    [">=", 25, 24.99, false],
    [">", 2, 2, false],
    [">", 2, 3, true],
    ["<=", 2, 2, true],
    ["<=", 2, 2.01, false],
    ["<", 5, 5, false],
    ["<", 5, 4.99, true],
    ["=", 100, 100, true],
    ["=", 100, 100.5, true], // exceeded counts as met
    ["=", 100, 99.99, false],
    ["=", 0, 0, true],
    ["=", 0, 0.01, false],
    [">=", 99.9, 99.9, true], // 99.9 has no exact binary form: met, not "missed by 1e-14"
    ["<=", 0.3, 0.1 + 0.2, true],
  ])("%s %d with actual %d: met %s", (op, t, a, want) => {
    expect(isMet(op, t, a)).toBe(want);
  });
});

describe("the share of the weight earned", () => {
  test.each<[string, Comparator, number, number, "ratio" | "deviation", number]>([
    ["met", ">=", 25, 30, "ratio", 1],
    ["higher-is-better, 20 of 25", ">=", 25, 20, "ratio", 0.8],
    ["seed 001: 54 of 80", ">=", 80, 54, "ratio", 0.675],
    ["`=` not reached: 97.8 of 100", "=", 100, 97.8, "ratio", 0.978],
    ["`=` exceeded", "=", 100, 120, "ratio", 1],
    ["lower-is-better ratio: 2 / 2.5", "<=", 2, 2.5, "ratio", 0.8],
    ["lower-is-better deviation: 1 − 0.5 / 2", "<=", 2, 2.5, "deviation", 0.75],
    ["deviation floors at 0: three times the target", "<=", 2, 6, "deviation", 0],
    ["ratio at three times the target", "<=", 2, 6, "ratio", 1 / 3],
    ["lower-is-better target 0 (=0 故障率) not met, ratio", "=", 0, 2, "ratio", 0],
    ["lower-is-better target 0, deviation", "=", 0, 2, "deviation", 0],
    ["≤0 not met", "<=", 0, 1, "ratio", 0],
    ["=0 met", "=", 0, 0, "ratio", 1],
    ["lower-is-better met", "<=", 2, 0, "ratio", 1],
  ])("%s", (_label, op, t, a, formula, want) => {
    expect(earnedShare(op, t, a, formula)).toBeCloseTo(want, 12);
  });

  test("completion percent: actual / target, or target / actual when lower is better", () => {
    expect(completionPercent(">=", 25, 20)).toBeCloseTo(80, 10);
    expect(completionPercent("<=", 2, 2.5)).toBeCloseTo(80, 10);
    expect(completionPercent("=", 0, 0)).toBeNull();
  });
});

describe("suggested scores on a form (two decimals, cut by default)", () => {
  // Row 13 (weight 20, ≥25.00 项) unless stated.
  test.each<[string, Record<string, unknown>, number]>([
    ["20 of ≥25 项: 20 × 20 / 25 = 16.00", { actual: "20.00(项)" }, 16],
    ["seed 001: 8 × 54 / 80 = 5.40", { weight: 8, target: "≥80.00(个)", actual: "54.00(个)" }, 5.4],
    ["7 × 54 / 80 = 4.725 → 4.72 (cut)", { weight: 7, target: "≥80.00(个)", actual: "54.00(个)" }, 4.72],
    ["`=` exceeded: 100.5% of =100% → full", { target: "=100.00(%)", actual: "100.50(%)" }, 20],
    ["`=` not reached: 97.8% of =100% → 20 × 0.978 = 19.56", { target: "=100.00(%)", actual: "97.80(%)" }, 19.56],
    ["≤2 小时, 2.5 小时: 20 × 2 / 2.5 = 16.00", { target: "≤2.00(小时)", actual: "2.50(小时)" }, 16],
    ["≤2 小时, 3 小时: 20 × 2 / 3 = 13.333 → 13.33", { target: "≤2.00(小时)", actual: "3.00(小时)" }, 13.33],
    ["=0 故障率 with 2 failures → 0", { target: "=0", actual: "2" }, 0],
    ["=0 故障率 met → full", { target: "=0", actual: "0" }, 20],
    ["a met target → full", { actual: "25.00(项)" }, 20],
    ["an actual of 0 against ≥25 → 0", { actual: "0(项)" }, 0],
  ])("%s", (_label, patch, want) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { ...patch, score: null } }) }));
    expect(result.evaluations[0].mode).toBe("quantitative");
    expect(result.evaluations[0].suggested).toBe(want);
  });

  test("the deviation setting: ≤2 小时, 2.5 小时 → 20 × 0.75 = 15.00; 3 小时 → 20 × 0.5 = 10.00", () => {
    const at = (actual: string) =>
      run(plainSpec({ indicators: indicatorsWith({ 0: { target: "≤2.00(小时)", actual, score: null } }) }), { reverseFormula: "deviation" }).result
        .evaluations[0].suggested;
    expect(at("2.50(小时)")).toBe(15);
    expect(at("3.00(小时)")).toBe(10);
    expect(at("5.00(小时)")).toBe(0);
  });

  test("the rounding setting applies to suggestions: 7 × 0.675 = 4.725 → 4.73 half-up and up", () => {
    const spec = plainSpec({ indicators: indicatorsWith({ 0: { weight: 7, target: "≥80.00(个)", actual: "54.00(个)", score: null } }) });
    expect(run(spec, { rounding: "half-up" }).result.evaluations[0].suggested).toBe(4.73);
    expect(run(spec, { rounding: "up" }).result.evaluations[0].suggested).toBe(4.73);
  });

  test("a float trap in the suggestion: 10 × 0.29 / 1 is 2.9, not 2.89", () => {
    // 0.29 / 1 × 10 = 2.9000000000000004; 10 × 29 / 100 = 2.9 — either way the cut is 2.90.
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { target: "≥1.00(万元)", actual: "0.29(万元)", score: null } }) }));
    expect(result.evaluations[2].suggested).toBe(2.9);
  });
});

// Regression test (fixed in src/core/values/readValue.ts tier words + src/core/scoring/evaluate.ts): an actual that
// starts with 完成 / 达成 reads as the tier 达成 even when it carries a number, and evaluate.ts scores
// any tier as qualitative whatever the target. "完成20项" against ≥25.00(项) is not met (20 × 20 / 25 =
// 16.00 at most), yet it gets the full 20 with no finding at all.
test("an actual of 完成20项 against ≥25.00(项) is not scored as met", () => {
  const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "完成20项" } }) }));
  const e = result.evaluations[0];
  expect(e.mode === "qualitative" && e.tier === "达成").toBe(false);
  expect(result.findings.some((f) => f.cell === "E13" || f.cell === "G13" || f.cell === "H13")).toBe(true);
});

describe("properties", () => {
  const op = fc.constantFrom<Comparator>(">=", ">", "<=", "<", "=");
  const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
  const formula = fc.constantFrom<"ratio" | "deviation">("ratio", "deviation");

  test("the share is always within [0, 1], and 1 when met", () => {
    fc.assert(
      fc.property(op, amount, amount, formula, (o, t, a, f) => {
        const s = earnedShare(o, t, a, f);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (isMet(o, t, a)) expect(s).toBe(1);
      }),
    );
  });

  test("deviation never gives more than ratio (1 − (a − t)/t ≤ t/a ⇔ (a − t)² ≥ 0)", () => {
    fc.assert(
      // Targets from 0.01 up: the comparison tolerance (1e-9) makes `< 5e-324` unmeetable, which no form has.
      fc.property(fc.constantFrom<Comparator>("<=", "<"), fc.double({ min: 0.01, max: 1e6, noNaN: true }), amount, (o, t, a) => {
        expect(earnedShare(o, t, a, "deviation")).toBeLessThanOrEqual(earnedShare(o, t, a, "ratio") + 1e-12);
      }),
    );
  });

  test("more is never worse when higher is better, and never better when lower is better", () => {
    fc.assert(
      fc.property(op, fc.double({ min: 0.01, max: 1e6, noNaN: true }), amount, amount, formula, (o, t, a, b, f) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (higherIsBetter(o, t)) expect(earnedShare(o, t, hi, f)).toBeGreaterThanOrEqual(earnedShare(o, t, lo, f) - 1e-12);
        else expect(earnedShare(o, t, hi, f)).toBeLessThanOrEqual(earnedShare(o, t, lo, f) + 1e-12);
      }),
    );
  });

  test("on a form, the suggested score is always within [0, weight] and equals weight × share cut to two decimals", () => {
    const opText = fc.constantFrom("≥", "≤", "=", ">", "<");
    const num = fc.integer({ min: 0, max: 100000 }).map((n) => n / 100);
    const weight = fc.integer({ min: 1, max: 3000 }).map((n) => n / 100);
    fc.assert(
      fc.property(opText, num, num, weight, formula, fc.constantFrom<"truncate" | "half-up" | "up">("truncate", "half-up", "up"), (o, t, a, w, f, rounding) => {
        const inds = indicatorsWith({ 0: { target: `${o}${t.toFixed(2)}(项)`, actual: `${a.toFixed(2)}(项)`, weight: w, score: null } });
        const e = run(plainSpec({ indicators: inds }), { reverseFormula: f, rounding }).result.evaluations[0];
        expect(e.mode).toBe("quantitative");
        expect(e.suggested).not.toBeNull();
        expect(e.suggested!).toBeGreaterThanOrEqual(0);
        expect(e.suggested!).toBeLessThanOrEqual(w);
        const cmp = ({ "≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<" } as const)[o];
        expect(e.suggested).toBe(round2(w * earnedShare(cmp, t, a, f), rounding));
      }),
      { numRuns: 150 },
    );
  });
});
