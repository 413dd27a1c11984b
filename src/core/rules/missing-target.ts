import { isFramework, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-target",
  severity: "error",
  kinds: ["self-evaluation", "targets", "department-self-evaluation"],
  description: { zh: "每个指标都要有年度指标值。", en: "Every indicator needs a target value." },
  mark: "blank",
  formulaFigure: false,
  check({ evals, form }, report) {
    // The scoring-framework table scores by its 评分标准 text: it has no targets.
    if (isFramework(form)) return;
    for (const e of evals) {
      const ind = e.indicator;
      if (ind.target.kind !== "empty") continue;
      const who = rowName(ind);
      report(
        ind.targetCell,
        form.kind === "targets"
          ? { zh: `${who.zh}未填写指标值：请填写可衡量的目标值（如“≥95.00(%)”）。`, en: `${who.en} has no target: give a measurable value (e.g. "≥95.00(%)").` }
          : { zh: `${who.zh}未填写年度指标值：请按申报的绩效目标填写。`, en: `${who.en} has no target value: copy it from the declared targets.` },
        ind.row,
      );
    }
  },
});
