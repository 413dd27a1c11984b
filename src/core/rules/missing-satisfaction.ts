import { isFramework, isSatisfaction } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-satisfaction",
  severity: "warning",
  title: { zh: "缺少满意度指标", en: "Satisfaction indicator missing" },
  requires: [],
  description: { zh: "没有满意度指标。", en: "No satisfaction indicator." },
  mark: "static",
  formulaFigure: false,
  messages: {
    noSatisfaction: {
      zh: "未设置满意度指标：一般应设服务对象满意度指标（财预〔2020〕10号建议 10 分）。",
      en: "No satisfaction indicator: a 服务对象满意度 indicator is expected (10 points recommended).",
    },
  },
  check({ form }, report) {
    if (form.indicators.length === 0 || isFramework(form) || form.unlevelled || form.indicators.some(isSatisfaction)) return;
    report({ cell: form.headerCell, messageId: "noSatisfaction" });
  },
});
