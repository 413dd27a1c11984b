import type { Tier } from "../values/types";

/** The three completion tiers as a qualitative actual states them: the choices of its drop-down. */
export const TIER_CHOICES = ["达成指标", "部分达成指标并具有一定效果", "未达成指标且效果较差"] as const;

/** 财预〔2020〕10号 第十七条: tier → share of the weight, both ends inclusive, and the suggestion. */
export const TIER_BANDS: Record<Tier, { lo: number; hi: number; suggest: number }> = {
  达成: { lo: 0.8, hi: 1, suggest: 1 },
  部分达成: { lo: 0.6, hi: 0.8, suggest: 0.8 },
  未达成: { lo: 0, hi: 0.6, suggest: 0.6 },
};
