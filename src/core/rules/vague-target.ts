import { rowName, isSatisfaction } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "vague-target",
  severity: "warning",
  title: { zh: "指标值不可衡量", en: "Target not measurable" },
  requires: ["targets"],
  description: { zh: "满意度指标的目标值应为数值。", en: "A satisfaction target should be a number." },
  mark: "static",
  formulaFigure: false,
  messages: {
    notMeasurable: {
      zh: "{who}的指标值“{target}”不可衡量：满意度应写成数值，如“≥90.00(%)”。",
      en: "{who}: the target \"{target}\" is not measurable: write a number such as \"≥90.00(%)\".",
    },
  },
  check({ form }, report) {
    for (const ind of form.indicators) {
      if (!isSatisfaction(ind) || ind.target.kind !== "qualitative") continue;
      report({ cell: ind.targetCell, messageId: "notMeasurable", data: { who: rowName(ind), target: ind.targetText }, row: ind.row });
    }
  },
});
