import { HALF_CENT } from "../numbers";
import { TIER_BANDS } from "../scoring/tiers";
import { n2 } from "./format";
import { defineRule, rowName } from "./types";

export const scoreExceedsWeight = defineRule({
  code: "score-exceeds-weight",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: { zh: "得分不能高于分值。", en: "A score cannot exceed its weight." },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.weight === null || e.score <= e.weight + HALF_CENT) continue;
      report(
        e.indicator.score!.address,
        {
          zh: `${rowName(e.indicator).zh}得分 ${n2(e.score)} 高于分值 ${n2(e.weight)}：得分最高为 ${n2(e.weight)}。`,
          en: `${rowName(e.indicator).en}: the score ${n2(e.score)} exceeds the weight ${n2(e.weight)}.`,
        },
        e.indicator.row,
      );
    }
  },
});

export const scoreNegative = defineRule({
  code: "score-negative",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: { zh: "得分不能为负数。", en: "A score cannot be negative." },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.score >= 0) continue;
      report(
        e.indicator.score!.address,
        { zh: `${rowName(e.indicator).zh}得分 ${n2(e.score)} 为负数：最低为 0。`, en: `${rowName(e.indicator).en}: the score ${n2(e.score)} is negative.` },
        e.indicator.row,
      );
    }
  },
});

export const tierBandViolation = defineRule({
  code: "tier-band-violation",
  severity: "error",
  kinds: ["self-evaluation"],
  description: {
    zh: "定性指标得分须在等级区间内：达成 80%–100%，部分达成 60%–80%，未达成 0–60%（财预〔2020〕10号）。",
    en: "A qualitative score must lie in its tier's band: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight.",
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.mode !== "qualitative" || !e.tier || !e.band || e.score === null || e.weight === null) continue;
      if (e.score > e.weight + HALF_CENT || e.score < 0) continue;
      if (e.score >= e.band.lo - HALF_CENT && e.score <= e.band.hi + HALF_CENT) continue;
      const b = TIER_BANDS[e.tier];
      report(
        e.indicator.score!.address,
        {
          zh: `${rowName(e.indicator).zh}完成等级为“${e.tier}”，得分应在 ${n2(e.band.lo)}–${n2(e.band.hi)} 分（分值的 ${b.lo * 100}%–${b.hi * 100}%），表中为 ${n2(e.score)}。`,
          en: `${rowName(e.indicator).en}: tier "${e.tier}" scores ${n2(e.band.lo)}–${n2(e.band.hi)} (${b.lo * 100}–${b.hi * 100}% of the weight), the form has ${n2(e.score)}.`,
        },
        e.indicator.row,
      );
    }
  },
});

export const scoreAboveRule = defineRule({
  code: "score-above-rule",
  severity: "warning",
  kinds: ["self-evaluation"],
  description: { zh: "得分高于按规则计算的建议上限。", en: "A score above the suggested maximum of the rules." },
  check({ evals, settings }, report) {
    for (const e of evals) {
      if (e.mode !== "quantitative" || e.score === null || e.suggested === null || e.weight === null) continue;
      if (e.score <= e.suggested + HALF_CENT || e.score > e.weight + HALF_CENT) continue;
      const lower = e.op === "<=" || e.op === "<" || (e.op === "=" && (e.target ?? 0) <= 0);
      const formula = lower
        ? settings.reverseFormula === "ratio"
          ? { zh: "分值×指标值/实际值", en: "weight × target / actual" }
          : { zh: "分值×(1−偏离度)", en: "weight × (1 − deviation)" }
        : { zh: "分值×实际值/指标值", en: "weight × actual / target" };
      report(
        e.indicator.score!.address,
        {
          zh: `${rowName(e.indicator).zh}得分 ${n2(e.score)} 高于建议上限 ${n2(e.suggested)}（${formula.zh}，目标 ${e.indicator.targetText}，实际 ${e.indicator.actualText}）：请核实。`,
          en: `${rowName(e.indicator).en}: the score ${n2(e.score)} is above the suggested maximum ${n2(e.suggested)} (${formula.en}; target ${e.indicator.targetText}, actual ${e.indicator.actualText}).`,
        },
        e.indicator.row,
      );
    }
  },
});
