import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unit-mismatch",
  severity: "error",
  title: { zh: "单位不一致", en: "Units do not match" },
  requires: ["actuals"],
  description: { zh: "实际完成值与指标值的单位不一致且无法换算。", en: "The actual's unit differs from the target's and does not convert." },
  mark: "static",
  formulaFigure: false,
  messages: {
    mismatch: {
      zh: "{who}的单位不一致：指标值单位为“{targetUnit}”，实际完成值单位为“{actualUnit}”，无法换算。请按指标值的单位填写实际完成值。",
      en: "{who}: the target is in \"{targetUnit}\" but the actual in \"{actualUnit}\", which do not convert: give the actual in the target's unit.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.problem !== "unit-mismatch") continue;
      const ind = e.indicator;
      const targetUnit = ind.target.kind === "quantity" ? ind.target.unit : "";
      const actualUnit = ind.actual?.kind === "quantity" ? ind.actual.unit : "";
      report({ cell: ind.actualCell!, messageId: "mismatch", data: { who: rowName(ind), targetUnit, actualUnit }, row: ind.row });
    }
  },
});
