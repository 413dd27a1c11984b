import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unparseable-target",
  severity: "error",
  title: { zh: "指标值无法识别", en: "Target unreadable" },
  requires: ["targets"],
  description: { zh: "定量目标值无法识别。", en: "A quantitative-looking target cannot be read." },
  mark: "static",
  formulaFigure: false,
  messages: {
    unreadable: {
      zh: "{who}的指标值“{target}”无法识别{reason}：请写成“比较符+数值+单位”，如“≥95.00(%)”。",
      en: "{who}: the target \"{target}\" cannot be read{reason}: write comparator, number and unit, e.g. \"≥95.00(%)\".",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      const t = e.indicator.target;
      if (t.kind !== "unparseable") continue;
      report({ cell: e.indicator.targetCell, messageId: "unreadable", data: { who: rowName(e.indicator), target: t.text, reason: { zh: "", en: ` (${t.reason})` } }, row: e.indicator.row });
    }
  },
});
