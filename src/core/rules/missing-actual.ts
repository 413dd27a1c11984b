import { rowName, TIERS } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "missing-actual",
  severity: "error",
  title: { zh: "缺少实际完成值", en: "Actual value missing" },
  requires: ["actuals"],
  description: { zh: "每个指标都要填写实际完成值。", en: "Every indicator needs an actual value." },
  mark: "blank",
  formulaFigure: false,
  messages: {
    missing: {
      zh: "{who}未填写实际完成值：定量指标填数值和单位（如“97.80(%)”），定性指标填{tiers}。",
      en: "{who} has no actual value: a number with its unit, or one of the tiers {tiers}.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      // Every problem of a row is reported (RULES-3 §15): an empty actual beside a missing target too.
      if (!e.indicator.actualCell || e.placeholder || e.indicator.actual?.kind !== "empty") continue;
      report({ cell: e.indicator.actualCell, messageId: "missing", data: { who: rowName(e.indicator), tiers: TIERS }, row: e.indicator.row });
    }
  },
});
