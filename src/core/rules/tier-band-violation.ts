import { HALF_CENT } from "../numbers";
import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "tier-band-violation",
  severity: "error",
  title: { zh: "得分与完成等级不符", en: "Score outside the tier's band" },
  requires: ["actuals", "scores"],
  description: {
    zh: "定性指标得分须在等级区间内：达成 80%–100%，部分达成 60%–80%，未达成 0–60%（财预〔2020〕10号）。",
    en: "A qualitative score must lie in its tier's band: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    outsideBand: {
      zh: "{who}完成等级为“{tier}”，得分应在 {lo}–{hi} 分（分值的 {loPct}%–{hiPct}%），表中为 {score}。",
      en: "{who}: tier \"{tier}\" scores {lo}–{hi} ({loPct}–{hiPct}% of the weight), the form has {score}.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.mode !== "qualitative" || !e.tier || !e.band || e.score === null || e.weight === null || e.weight <= 0) continue;
      if (e.score > e.weight + HALF_CENT || e.score < 0) continue;
      if (e.score >= e.band.lo - HALF_CENT && e.score <= e.band.hi + HALF_CENT) continue;
      const pct = (x: number) => n2((x / e.weight!) * 100).replace(/\.00$/, "");
      report({
        cell: e.indicator.score!.address,
        messageId: "outsideBand",
        data: { who: rowName(e.indicator), tier: e.tier, lo: n2(e.band.lo), hi: n2(e.band.hi), loPct: pct(e.band.lo), hiPct: pct(e.band.hi), score: n2(e.score) },
        row: e.indicator.row,
      });
    }
  },
});
