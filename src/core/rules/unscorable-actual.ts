import { TIERS_ZH, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unscorable-actual",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: {
    zh: "定性指标的实际完成值无法自动计分（不是完成等级，也不是目标本身的词）：得分请人工核对。",
    en: "A qualitative actual cannot be scored automatically (neither a tier nor the target's own word): check the score by hand.",
  },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      const ind = e.indicator;
      if (e.problem !== "unscorable-actual" || !ind.actualCell) continue;
      const who = rowName(ind);
      report(
        ind.actualCell,
        {
          zh: `${who.zh}的实际完成值“${ind.actualText}”无法自动计分，表中得分 ${e.score} 未核对：请人工核对，或改填${TIERS_ZH}。`,
          en: `${who.en}: the actual "${ind.actualText}" cannot be scored automatically, so the stated score ${e.score} is unchecked: check it by hand, or write a tier.`,
        },
        ind.row,
      );
    }
  },
});
