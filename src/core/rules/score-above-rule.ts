import { HALF_CENT } from "../numbers";
import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-above-rule",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: { zh: "得分高于按规则计算的建议上限。", en: "A score above the suggested maximum of the rules." },
  mark: "static",
  formulaFigure: false,
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
