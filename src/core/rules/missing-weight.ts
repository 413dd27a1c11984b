import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-weight",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: { zh: "每个指标都要有分值（权重）。", en: "Every indicator needs a weight." },
  mark: "blank",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      const w = e.indicator.weight;
      if (!w || e.placeholder || (!w.empty && !w.invalid)) continue;
      const who = rowName(e.indicator);
      report(
        w.address,
        w.invalid
          ? { zh: `${who.zh}的分值不是数字：请填写数字分值。`, en: `${who.en}: the weight is not a number.` }
          : { zh: `${who.zh}未填写分值：请填写该指标的分值。`, en: `${who.en} has no weight.` },
        e.indicator.row,
      );
    }
  },
});
