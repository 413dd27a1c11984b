import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-weight",
  severity: "error",
  title: { zh: "缺少分值", en: "Weight missing" },
  requires: ["weights"],
  description: { zh: "每个指标都要有分值（权重）。", en: "Every indicator needs a weight." },
  mark: "blank",
  formulaFigure: false,
  messages: {
    notNumber: {
      zh: "{who}的分值不是数字：请填写数字分值。",
      en: "{who}: the weight is not a number.",
    },
    missing: {
      zh: "{who}未填写分值：请填写该指标的分值。",
      en: "{who} has no weight.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      const w = e.indicator.weight;
      if (!w || e.placeholder || (!w.empty && !w.invalid)) continue;
      report({ cell: w.address, messageId: w.invalid ? "notNumber" : "missing", data: { who: rowName(e.indicator) }, row: e.indicator.row });
    }
  },
});
