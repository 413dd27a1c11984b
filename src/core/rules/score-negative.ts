import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-negative",
  severity: "error",
  title: { zh: "得分为负数", en: "Negative score" },
  requires: ["scores"],
  description: { zh: "得分不能为负数。", en: "A score cannot be negative." },
  mark: "static",
  formulaFigure: false,
  messages: {
    negative: {
      zh: "{who}得分 {score} 为负数：最低为 0。",
      en: "{who}: the score {score} is negative.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.score >= 0) continue;
      report({ cell: e.indicator.score!.address, messageId: "negative", data: { who: rowName(e.indicator), score: n2(e.score) }, row: e.indicator.row });
    }
  },
});
