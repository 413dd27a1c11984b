/**
 * Totals (RULES §4): total = the computed budget score + the entered indicator scores (the suggested
 * ones where a score is blank); the weights 10 + indicators.
 */
import fc from "fast-check";
import { indicatorsWith, plainSpec, run, runLegacy, legacyWith, standardIndicators } from "../rules/support";

test("the plain form: 9.85 + 90 = 99.85, 优, weights 100", () => {
  const { result } = run(plainSpec());
  expect(result.figures).toMatchObject({ total: 99.85, grade: "优", weightSum: 100, budget: { rate: 98.5, score: 9.85 } });
});

test("seed 001 funds: 8.11 + the indicators", () => {
  // 9,708.37 / 11,962.44 → 81.15 → 8.11; indicators 90 → 98.11.
  const { result } = run(plainSpec({ funds: { initial: 11962.44, budget: 11962.44, executed: 9708.37 } }));
  expect(result.figures?.total).toBe(98.11);
});

test("blank scores count at their suggestion: 16 + 16 + 12 instead of 20 + 20 + 20", () => {
  // Row 13: 20 of ≥25 项 → 16; row 16: 部分达成 → 16; row 18: 85% of ≥90% → 10 × 85/90 = 9.444 → 9.44.
  const inds = indicatorsWith({
    0: { actual: "20.00(项)", score: null },
    3: { actual: "部分达成", score: null },
    5: { actual: "85.00(%)", score: null },
  });
  const { result } = run(plainSpec({ indicators: inds }));
  // 9.85 + 16 + 20 + 10 + 16 + 10 + 9.44 = 91.29
  expect(result.figures?.total).toBe(91.29);
  expect(result.figures?.grade).toBe("优");
});

test("entered scores count as entered, even below the suggestion", () => {
  const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 12.5, reason: "x" } }) }));
  expect(result.figures?.total).toBe(92.35);
});

test("the budget score counts as computed under the rounding setting", () => {
  const funds = { initial: 1000, budget: 1000, executed: 861.83 };
  expect(run(plainSpec({ funds })).result.figures?.total).toBe(98.61); // 8.61 + 90
  expect(run(plainSpec({ funds }), { rounding: "up" }).result.figures?.total).toBe(98.62); // 8.62 + 90
});

test("no total while a score can be neither read nor suggested", () => {
  const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: null, score: null } }) }));
  expect(result.figures?.total).toBeNull();
});

test("legacy: the sum of the 自评分, placeholders left out", () => {
  expect(runLegacy().result.figures).toMatchObject({ total: 91, grade: "优秀", weightSum: 100 });
  expect(runLegacy({ sections: legacyWith({ 7: { score: 17.5 } }) }).result.figures?.total).toBe(90.5);
});

test("property: the total is the budget score plus the sum of the scores, in cents", () => {
  const cents = fc.integer({ min: 0, max: 100 });
  fc.assert(
    fc.property(fc.array(cents, { minLength: 6, maxLength: 6 }), (cs) => {
      // Each row scores weight × c / 100 (two decimals), with a reason; all targets met.
      const inds = standardIndicators().map((ind, i) => {
        const w = ind.weight as number;
        return { ...ind, score: Math.round(w * cs[i]) / 100, reason: "x" };
      });
      const qualitativeOk = inds.every((ind, i) => ind.actual !== "达成指标" || cs[i] >= 80);
      fc.pre(qualitativeOk);
      const { result } = run(plainSpec({ indicators: inds }));
      const sumCents = 985 + inds.reduce((s, ind) => s + Math.round((ind.score as number) * 100), 0);
      expect(Math.round(result.figures!.total! * 100)).toBe(sumCents);
      expect(result.figures!.total).toBe(sumCents / 100);
    }),
    { numRuns: 80 },
  );
});
