import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-negative",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: { zh: "得分不能为负数。", en: "A score cannot be negative." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.score >= 0) continue;
      report(
        e.indicator.score!.address,
        { zh: `${rowName(e.indicator).zh}得分 ${n2(e.score)} 为负数：最低为 0。`, en: `${rowName(e.indicator).en}: the score ${n2(e.score)} is negative.` },
        e.indicator.row,
      );
    }
  },
});
