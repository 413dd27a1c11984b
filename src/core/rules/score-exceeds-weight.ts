import { HALF_CENT } from "../numbers";
import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-exceeds-weight",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: { zh: "得分不能高于分值。", en: "A score cannot exceed its weight." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.weight === null || e.score <= e.weight + HALF_CENT) continue;
      report(
        e.indicator.score!.address,
        {
          zh: `${rowName(e.indicator).zh}得分 ${n2(e.score)} 高于分值 ${n2(e.weight)}：得分最高为 ${n2(e.weight)}。`,
          en: `${rowName(e.indicator).en}: the score ${n2(e.score)} exceeds the weight ${n2(e.weight)}.`,
        },
        e.indicator.row,
      );
    }
  },
});
