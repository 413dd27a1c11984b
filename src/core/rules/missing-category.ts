import { defineRule } from "./types";

export default defineRule({
  code: "missing-category",
  severity: "error",
  title: { zh: "缺少一级指标类别", en: "First-level category missing" },
  requires: [],
  description: {
    zh: "一级指标须包含产出指标和效益指标（旧表：产出目标和效果目标）。",
    en: "The first levels must include outputs (产出) and outcomes (效益 / 效果).",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    noOutput: {
      zh: "一级指标中没有产出指标（产出目标）：请补充数量、质量、时效、成本等产出指标。",
      en: "No output level (产出指标 / 产出目标) among the first-level indicators.",
    },
    noOutcome: {
      zh: "一级指标中没有效益指标（效果目标）：请补充经济、社会、生态效益或可持续影响指标。",
      en: "No outcome level (效益指标 / 效果目标) among the first-level indicators.",
    },
  },
  check({ form }, report) {
    // A table without level columns (Chongqing's, Tianjin's department-wide ones) has no first levels to ask.
    if (form.indicators.length === 0 || form.unlevelled) return;
    const levels = form.indicators.map((i) => i.level1);
    if (!levels.some((l) => /产出/.test(l))) report({ cell: form.headerCell, messageId: "noOutput" });
    if (!levels.some((l) => /(效益|效果)/.test(l))) report({ cell: form.headerCell, messageId: "noOutcome" });
  },
});
