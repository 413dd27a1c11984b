import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "tier-on-quantitative",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: {
    zh: "定量指标的实际完成值填了完成等级（如“完成”）：按等级计分，建议填写实际数值。",
    en: "A quantitative indicator's actual is a tier word (such as 完成): scored as the tier; a number is better.",
  },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      const ind = e.indicator;
      const cell = ind.actualCell;
      if (!e.tierOnQuantitative || !cell) continue;
      const who = rowName(ind);
      report(
        cell,
        {
          zh: `${who.zh}的目标为定量（${ind.targetText}），实际完成值填的是“${ind.actualText}”：已按完成等级“${e.tier}”计分，建议填写实际完成的数值和单位。`,
          en: `${who.en}: the target is quantitative (${ind.targetText}) but the actual reads "${ind.actualText}": scored as the tier ${e.tier}; better give the number and unit.`,
        },
        ind.row,
      );
    }
  },
});
