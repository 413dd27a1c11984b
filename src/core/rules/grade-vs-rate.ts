import { n2 } from "./helpers";
import { defineRule } from "./types";

/** 优 with less than this execution rate is unusual (RULES-2 §11.2, unconfirmed). */
const RATE_FOR_TOP_GRADE = 80;

export default defineRule({
  code: "grade-vs-rate",
  severity: "warning",
  title: { zh: "等级与执行率不相称", en: "Grade and execution rate at odds" },
  requires: ["budget", "grade"],
  description: {
    zh: "（可选）评分等级为“优”而预算执行率低于 80%：请核实（未经确认，默认关闭）。",
    en: "(Optional) Grade 优 with an execution rate below 80%: check it (unconfirmed, off by default).",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    topGradeLowRate: {
      zh: "评分等级为“优”，而预算执行率为 {rate}%（低于 {line}%）：请核实。",
      en: "The grade is 优 while the execution rate is {rate}% (below {line}%): please check.",
    },
  },
  check({ figures, form, settings }, report) {
    if (!settings.plausibility || !figures.budget || figures.grade !== "优" || figures.budget.rate >= RATE_FOR_TOP_GRADE) return;
    report({
      cell: form.grade?.address ?? form.total?.score?.address ?? form.headerCell,
      messageId: "topGradeLowRate",
      data: { rate: n2(figures.budget.rate), line: RATE_FOR_TOP_GRADE },
    });
  },
});
