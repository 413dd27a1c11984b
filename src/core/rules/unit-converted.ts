import { rowName } from "./helpers";
import { fmtNum } from "../numbers";
import { defineRule } from "./types";

export default defineRule({
  code: "unit-converted",
  severity: "warning",
  title: { zh: "单位已换算", en: "Unit converted" },
  requires: ["actuals"],
  description: { zh: "实际完成值的单位已换算为指标值的单位。", en: "The actual was converted to the target's unit." },
  mark: "static",
  formulaFigure: false,
  messages: {
    converted: {
      zh: "{who}的实际完成值 {original}{from} 已换算为 {scored}{to} 后计分：建议按指标值的单位填写。",
      en: "{who}: the actual {original} {from} was scored as {scored} {to}; better write it in the target's unit.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (!e.converted) continue;
      const c = e.converted;
      report({
        cell: e.indicator.actualCell!,
        messageId: "converted",
        data: { who: rowName(e.indicator), original: fmtNum(c.original), from: c.from, scored: fmtNum(e.actual!), to: c.to },
        row: e.indicator.row,
      });
    }
  },
});
