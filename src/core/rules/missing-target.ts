import { hasTrait } from "../forms/traits";
import { isFramework, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-target",
  severity: "error",
  title: { zh: "缺少指标值", en: "Target missing" },
  requires: ["targets"],
  description: { zh: "每个指标都要有年度指标值。", en: "Every indicator needs a target value." },
  mark: "blank",
  formulaFigure: false,
  messages: {
    declaration: {
      zh: "{who}未填写指标值：请填写可衡量的目标值（如“≥95.00(%)”）。",
      en: "{who} has no target: give a measurable value (e.g. \"≥95.00(%)\").",
    },
    evaluation: {
      zh: "{who}未填写年度指标值：请按申报的绩效目标填写。",
      en: "{who} has no target value: copy it from the declared targets.",
    },
  },
  check({ evals, form }, report) {
    // The scoring-framework table scores by its 评分标准 text: it has no targets.
    if (isFramework(form)) return;
    for (const e of evals) {
      const ind = e.indicator;
      if (ind.target.kind !== "empty") continue;
      report({ cell: ind.targetCell, messageId: hasTrait(form, "declaration") ? "declaration" : "evaluation", data: { who: rowName(ind) }, row: ind.row });
    }
  },
});
