/**
 * Qualitative indicators (RULES §4): tier → share of the weight, both ends inclusive: 达成 80–100%
 * (suggest 100%), 部分达成 60–80% (suggest 80%), 未达成 0–60% (suggest 60%).
 */
import fc from "fast-check";
import { TIER_BANDS } from "../../../src/core/scoring/tiers";
import { planFill } from "../../../src/core/fill";
import { buildSelfEval, indicatorsWith, plainSpec, run } from "../rules/support";

test("the bands and suggestions of 财预〔2020〕10号", () => {
  expect(TIER_BANDS).toEqual({
    达成: { lo: 0.8, hi: 1, suggest: 1 },
    部分达成: { lo: 0.6, hi: 0.8, suggest: 0.8 },
    未达成: { lo: 0, hi: 0.6, suggest: 0.6 },
  });
});

describe("suggested scores on a form", () => {
  // Row 16 (服务能力, weight 20 unless given).
  test.each<[string, number, number]>([
    ["达成指标", 20, 20],
    ["部分达成指标并具有一定效果", 20, 16],
    ["未达成指标且效果较差", 20, 12],
    // Seeds: 部分达成 at 5.60 of 7, 8 of 10.
    ["部分达成指标并具有一定效果", 7, 5.6],
    ["部分达成年度指标并具有一定效果", 10, 8],
    // 7 × 0.6 is 4.199999… in binary: the suggestion must still be 4.20.
    ["未达成年度指标且效果较差", 7, 4.2],
    ["已达成", 7, 7],
    ["未完成", 3.5, 2.1],
  ])("%s with a weight of %d suggests %d", (actual, weight, want) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual, weight, score: null } }) }));
    const e = result.evaluations[3];
    expect(e.mode).toBe("qualitative");
    expect(e.suggested).toBe(want);
  });

  test("the band on a weight of 7: 部分达成 4.20–5.60", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "部分达成", weight: 7, score: 5.6 } }) }));
    const band = result.evaluations[3].band!;
    expect(band.lo).toBeCloseTo(4.2, 10);
    expect(band.hi).toBeCloseTo(5.6, 10);
  });

  test("property: the suggestion lies inside its own band and within [0, weight]", () => {
    const tiers = fc.constantFrom("达成指标", "部分达成指标并具有一定效果", "未达成指标且效果较差");
    fc.assert(
      // Weights from 0.50 up (below 0.05 a cut 80% can fall under 60%: no form has such weights).
      fc.property(tiers, fc.integer({ min: 50, max: 3000 }), fc.constantFrom<"truncate" | "half-up">("truncate", "half-up"), (actual, cents, rounding) => {
        const weight = cents / 100;
        const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual, weight, score: null } }) }), { rounding });
        const e = result.evaluations[3];
        expect(e.suggested!).toBeGreaterThanOrEqual(0);
        expect(e.suggested!).toBeLessThanOrEqual(weight);
        expect(e.suggested!).toBeGreaterThanOrEqual(e.band!.lo - 0.005);
        expect(e.suggested!).toBeLessThanOrEqual(e.band!.hi + 0.005);
        // Filling in the suggestion never raises a band error.
        const filled = run(plainSpec({ indicators: indicatorsWith({ 3: { actual, weight, score: e.suggested, reason: "x" } }) }), { rounding });
        expect(filled.result.findings.filter((f) => f.code === "tier-band-violation")).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Regression test (fixed in src/core/scoring/evaluate.ts suggestion vs src/core/rules/scores.ts tier-band-violation):
 * with `rounding: "up"` the suggestion weight × 60% / 80% is raised to the next cent, which can leave
 * the tier's band by more than the rule's half-cent tolerance. A weight of 10 split 3.33 / 3.33 / 3.34:
 * 部分达成 on 3.33 suggests ⌈2.664⌉ = 2.67 (band 2.00–2.664), 未达成 on 3.34 suggests ⌈2.004⌉ = 2.01
 * (band 0–2.004). Filling writes the suggestion, and the check of the filled form then reports
 * tier-band-violation on the engine's own score.
 */
test("rounding up: a filled-in tier suggestion never violates its own band", () => {
  for (const [actual, weight] of [["部分达成指标并具有一定效果", 3.33], ["未达成指标且效果较差", 3.34]] as const) {
    const built = buildSelfEval(plainSpec({ indicators: indicatorsWith({ 3: { actual, weight, score: null, reason: "原因" } }) }));
    const { after } = planFill(built.builder.toSnapshot(), { rounding: "up" });
    expect(after.findings.filter((f) => f.code === "tier-band-violation")).toEqual([]);
  }
});
