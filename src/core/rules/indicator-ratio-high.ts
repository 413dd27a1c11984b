import { n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "indicator-ratio-high",
  severity: "warning",
  title: { zh: "指标得分与执行率不相称", en: "Indicator scores and spending at odds" },
  requires: ["budget", "scores"],
  description: {
    zh: "（可选）预算执行率很低而指标得分率很高：请核实完成情况（阈值未经确认，默认关闭）。",
    en: "(Optional) A low execution rate with indicators scored near full: check the results (unconfirmed thresholds, off by default).",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    high: {
      zh: "预算执行率仅 {rate}%（低于 {line}%），各指标却得到分值的 {ratio}%：请核实指标完成情况与资金使用是否相符。",
      en: "The execution rate is only {rate}% (below {line}%), yet the indicators score {ratio}% of their weights: check that the results match the spending.",
    },
  },
  check({ evals, figures, form, settings }, report) {
    if (!settings.plausibility || !figures.budget) return;
    const active = evals.filter((e) => !e.placeholder && e.weight !== null && e.effective !== null);
    const weights = active.reduce((s, e) => s + (e.weight ?? 0), 0);
    if (weights <= 0 || figures.budget.rate >= settings.rateLow) return;
    const ratio = active.reduce((s, e) => s + (e.effective ?? 0), 0) / weights;
    if (ratio < settings.ratioHigh) return;
    report({
      cell: form.total?.score?.address ?? form.headerCell,
      messageId: "high",
      data: { rate: n2(figures.budget.rate), line: n2(settings.rateLow), ratio: n2(ratio * 100) },
    });
  },
});
