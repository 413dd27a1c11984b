import { defineRule } from "./types";

export default defineRule({
  code: "missing-cost",
  severity: "warning",
  title: { zh: "缺少成本指标", en: "Cost indicator missing" },
  requires: ["declaration"],
  description: { zh: "2024 版目标表没有成本指标。", en: "A 2024 target form without a cost indicator." },
  mark: "static",
  formulaFigure: false,
  messages: {
    noCost: {
      zh: "未设置成本指标：2024 年起绩效目标须包含成本指标（经济成本、社会成本、生态环境成本）。",
      en: "No cost indicator (成本指标): required on target forms from 2024.",
    },
  },
  check({ form }, report) {
    if (form.edition !== "2024" || form.indicators.length === 0) return;
    if (form.indicators.some((i) => /成本/.test(`${i.level1}${i.level2}`))) return;
    report({ cell: form.headerCell, messageId: "noCost" });
  },
});
