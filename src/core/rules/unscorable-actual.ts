import { TIERS_ZH, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unscorable-actual",
  severity: "warning",
  title: { zh: "得分无法核对", en: "Score cannot be checked" },
  requires: ["actuals"],
  description: {
    zh: "定性指标的实际完成值无法自动计分（不是完成等级，也不是目标本身的词）：得分请人工核对。",
    en: "A qualitative actual cannot be scored automatically (neither a tier nor the target's own word): check the score by hand.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    unchecked: {
      zh: "{who}的实际完成值“{actual}”无法自动计分，表中得分 {score} 未核对：请人工核对，或改填{tiers}。",
      en: "{who}: the actual \"{actual}\" cannot be scored automatically, so the stated score {score} is unchecked: check it by hand, or write {tiers}.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      const ind = e.indicator;
      if (e.problem !== "unscorable-actual" || !ind.actualCell) continue;
      report({ cell: ind.actualCell, messageId: "unchecked", data: { who: rowName(ind), actual: ind.actualText, score: String(e.score), tiers: { zh: TIERS_ZH, en: "a tier" } }, row: ind.row });
    }
  },
});
