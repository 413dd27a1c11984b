import { HALF_CENT } from "../numbers";
import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-above-rule",
  severity: "warning",
  title: { zh: "得分高于建议上限", en: "Score above the rules' maximum" },
  requires: ["actuals", "scores"],
  description: { zh: "得分高于按规则计算的建议上限。", en: "A score above the suggested maximum of the rules." },
  mark: "static",
  formulaFigure: false,
  messages: {
    above: {
      zh: "{who}得分 {score} 高于建议上限 {suggested}（{formula}，目标 {target}，实际 {actual}）：请核实。",
      en: "{who}: the score {score} is above the suggested maximum {suggested} ({formula}; target {target}, actual {actual}).",
    },
  },
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
      report({
        cell: e.indicator.score!.address,
        messageId: "above",
        data: { who: rowName(e.indicator), score: n2(e.score), suggested: n2(e.suggested), formula, target: e.indicator.targetText, actual: e.indicator.actualText },
        row: e.indicator.row,
      });
    }
  },
});
