/**
 * tier-band-violation (error, at the score cell) — RULES §4 qualitative: 达成 80–100%, 部分达成
 * 60–80%, 未达成 0–60% of the weight, both ends inclusive.
 */
import rule from "../../../src/core/rules/tier-band-violation";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { analyzeSheet as analyze } from "../../../src/core/engine";
import { errorsOf, indicatorsWith, plainSpec, run, single, withCode, type IndicatorSpec } from "./support";

const TIER_TEXT = { 达成: "达成指标", 部分达成: "部分达成指标并具有一定效果", 未达成: "未达成指标且效果较差" } as const;
type TierName = keyof typeof TIER_TEXT;

/** Row 16 (服务能力, weight 20 unless given) with this tier and score; every other row in full. */
function form(tier: TierName, score: number, weight = 20) {
  const patch: Partial<IndicatorSpec> = { actual: TIER_TEXT[tier], score, weight, reason: "原因已说明" };
  // Keep the weights at 100 with the satisfaction row absorbing the difference.
  const sat = 10 + (20 - weight);
  const total = Math.round((9.85 + 60 + sat + score) * 100) / 100;
  const grade = total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
  return run(plainSpec({ indicators: indicatorsWith({ 3: patch, 5: { weight: sat, score: sat } }), total, grade }));
}

describe("triggers", () => {
  test.each<[TierName, number, string]>([
    ["达成", 15.99, "16.00–20.00"],
    ["达成", 12, "16.00–20.00"],
    ["部分达成", 16.01, "12.00–16.00"],
    ["部分达成", 11.99, "12.00–16.00"],
    ["部分达成", 20, "12.00–16.00"],
    ["未达成", 12.01, "0.00–12.00"],
    ["未达成", 16, "0.00–12.00"],
  ])("%s scored %d of 20", (tier, score, band) => {
    const { built, result } = form(tier, score);
    const f = single(result, "tier-band-violation");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(3, "score"));
    expect(f.cell).toBe("G16");
    expect(f.message.zh).toContain(`完成等级为“${tier}”`);
    expect(f.message.zh).toContain(`得分应在 ${band} 分`);
    expect(f.message.zh).toContain(`表中为 ${score.toFixed(2)}`);
    expect(errorsOf(result)).toEqual(["tier-band-violation@G16"]);
  });

  test("部分达成 at 5.61 of 7 (just over 80%)", () => {
    const { result } = form("部分达成", 5.61, 7);
    expect(single(result, "tier-band-violation").message.zh).toContain("4.20–5.60");
  });
});

describe("near misses: the band ends are inclusive", () => {
  test.each<[TierName, number, number]>([
    ["达成", 20, 20],
    ["达成", 16, 20],
    ["部分达成", 16, 20],
    ["部分达成", 12, 20],
    ["未达成", 12, 20],
    ["未达成", 0, 20],
    // The seeds: 部分达成 at exactly 80% (5.60 of 7, 8 of 10), 达成 at 80% (4 of 5).
    ["部分达成", 5.6, 7],
    ["部分达成", 8, 10],
    ["达成", 4, 5],
    // 60% of 7 = 4.2 (7 × 0.6 is 4.199999… in binary).
    ["部分达成", 4.2, 7],
    ["未达成", 4.2, 7],
  ])("%s scored %d of %d", (tier, score, weight) => {
    const { result } = form(tier, score, weight);
    expect(withCode(result, "tier-band-violation")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("quantitative rows have no tier band", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 1, reason: "原因" } }), total: 80.85, grade: "良" }));
    expect(withCode(result, "tier-band-violation")).toEqual([]);
  });
});

describe("bands the form prints take precedence (Hubei's 备注, RULES-2 §9.3)", () => {
  const HUBEI = "备注：定性指标：达成预期指标的，得分为权重的100%-80%；部分达成预期指标的，80%-50%；未达成预期指标的，50%-0%。";
  test("部分达成 scored 11 of 20 (55 %): in Hubei's 80%-50% band, outside the default 60–80 %", () => {
    const spec = plainSpec({ indicators: indicatorsWith({ 3: { actual: TIER_TEXT.部分达成, score: 11, reason: "原因已说明" } }) });
    const def = run(spec);
    expect(withCode(def.result, "tier-band-violation")).toHaveLength(1);
    def.built.builder.set(def.built.rowOf(5) + 4, 1, HUBEI);
    const hubei = analyze(def.built.builder.toSnapshot());
    expect(withCode(hubei, "tier-band-violation")).toEqual([]);
    expect(hubei.evaluations[3].band).toEqual({ lo: 10, hi: 16 });
  });
  test("a score under Hubei's band is reported with its percentages", () => {
    const spec = plainSpec({ indicators: indicatorsWith({ 3: { actual: TIER_TEXT.部分达成, score: 9, reason: "原因已说明" } }) });
    const built = run(spec).built;
    built.builder.set(built.rowOf(5) + 4, 1, HUBEI);
    const f = withCode(analyze(built.builder.toSnapshot()), "tier-band-violation");
    expect(f[0].message.zh).toContain("10.00–16.00 分（分值的 50%–80%）");
  });
  test("near miss: a note naming only two tiers changes nothing", () => {
    const spec = plainSpec({ indicators: indicatorsWith({ 3: { actual: TIER_TEXT.部分达成, score: 11, reason: "原因已说明" } }) });
    const built = run(spec).built;
    built.builder.set(built.rowOf(5) + 4, 1, "备注：达成预期指标 100%-80%；部分达成预期指标 80%-50%。");
    expect(withCode(analyze(built.builder.toSnapshot()), "tier-band-violation")).toHaveLength(1);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "达成 scored in full", form: forms.formOf() },
    { name: "部分达成 at 16 of 20", form: forms.formWithRows({ 3: { actual: "部分达成指标并具有一定效果", score: 16, reason: "原因已说明" } }) },
  ],
  invalid: [
    { name: "达成 at 15.99 of 20", form: forms.formWithRows({ 3: { score: 15.99, reason: "原因已说明" } }), findings: [{ cell: "G16", messageId: "outsideBand", data: { lo: "16.00", hi: "20.00", loPct: "80", hiPct: "100" } }] },
    { name: "部分达成 at 16.01 of 20", form: forms.formWithRows({ 3: { actual: "部分达成指标并具有一定效果", score: 16.01, reason: "原因已说明" } }), findings: [{ cell: "G16", messageId: "outsideBand", data: { lo: "12.00", hi: "16.00" } }] },
  ],
});
}
