import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-score",
  severity: "error",
  title: { zh: "缺少得分", en: "Score missing" },
  requires: ["scores"],
  description: { zh: "每个指标都要有得分；填写时按评分规则填入建议分。", en: "Every indicator needs a score; filling writes the suggested one." },
  mark: "blank",
  formulaFigure: false,
  messages: {
    notNumber: {
      zh: "{who}的得分不是数字：请填写数字。",
      en: "{who}: the score is not a number.",
    },
    suggested: {
      zh: "{who}未填写得分：按评分规则建议 {suggested} 分。",
      en: "{who} has no score: the rules suggest {suggested}.",
    },
    missing: {
      zh: "{who}未填写得分：请填写得分。",
      en: "{who} has no score.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      const s = e.indicator.score;
      if (!s || e.placeholder || (!s.empty && !s.invalid)) continue;
      const who = rowName(e.indicator);
      const row = e.indicator.row;
      if (s.invalid) report({ cell: s.address, messageId: "notNumber", data: { who }, row });
      else if (e.suggested !== null) report({ cell: s.address, messageId: "suggested", data: { who, suggested: n2(e.suggested) }, row, fix: "fill" });
      else report({ cell: s.address, messageId: "missing", data: { who }, row });
    }
  },
});
