import { TIER_CHOICES } from "../scoring/tiers";
import { TIERS_ZH, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unparseable-actual",
  severity: "error",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: { zh: "实际完成值既不是数值也不是达成等级。", en: "An actual value is neither a number nor a tier." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      if (e.problem !== "unparseable-actual" || !e.indicator.actualCell) continue;
      const ind = e.indicator;
      const who = rowName(ind);
      const quantitative = ind.target.kind === "quantity";
      report(
        ind.actualCell!,
        quantitative
          ? {
              zh: `${who.zh}的实际完成值“${ind.actualText}”无法计分：目标为定量（${ind.targetText}），请填写数值和单位。`,
              en: `${who.en}: the actual "${ind.actualText}" cannot be scored against the quantitative target ${ind.targetText}: give a number and unit.`,
            }
          : {
              zh: `${who.zh}的实际完成值“${ind.actualText}”无法计分：定性指标请填${TIERS_ZH}。`,
              en: `${who.en}: the actual "${ind.actualText}" cannot be scored: a qualitative indicator takes one of the tiers ${TIER_CHOICES.join(" / ")}.`,
            },
        ind.row,
      );
    }
  },
});
