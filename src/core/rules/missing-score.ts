import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-score",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: { zh: "每个指标都要有得分；填写时按评分规则填入建议分。", en: "Every indicator needs a score; filling writes the suggested one." },
  mark: "blank",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      const s = e.indicator.score;
      if (!s || e.placeholder || (!s.empty && !s.invalid)) continue;
      const who = rowName(e.indicator);
      if (s.invalid) {
        report(s.address, { zh: `${who.zh}的得分不是数字：请填写数字。`, en: `${who.en}: the score is not a number.` }, e.indicator.row);
      } else if (e.suggested !== null) {
        report(
          s.address,
          {
            zh: `${who.zh}未填写得分：按评分规则建议 ${n2(e.suggested)} 分。`,
            en: `${who.en} has no score: the rules suggest ${n2(e.suggested)}.`,
          },
          e.indicator.row,
          "fill",
        );
      } else {
        report(s.address, { zh: `${who.zh}未填写得分：请填写得分。`, en: `${who.en} has no score.` }, e.indicator.row);
      }
    }
  },
});
