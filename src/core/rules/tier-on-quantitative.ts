import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "tier-on-quantitative",
  severity: "warning",
  title: { zh: "定量指标填了完成等级", en: "Tier written for a quantitative target" },
  requires: ["actuals"],
  description: {
    zh: "定量指标的实际完成值填了完成等级（如“完成”）：按等级计分，建议填写实际数值。",
    en: "A quantitative indicator's actual is a tier word (such as 完成): scored as the tier; a number is better.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    tierWritten: {
      zh: "{who}的目标为定量（{target}），实际完成值填的是“{actual}”：已按完成等级“{tier}”计分，建议填写实际完成的数值和单位。",
      en: "{who}: the target is quantitative ({target}) but the actual reads \"{actual}\": scored as the tier {tier}; better give the number and unit.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      const ind = e.indicator;
      const cell = ind.actualCell;
      if (!e.tierOnQuantitative || !cell) continue;
      report({ cell, messageId: "tierWritten", data: { who: rowName(ind), target: ind.targetText, actual: ind.actualText, tier: String(e.tier) }, row: ind.row });
    }
  },
});
