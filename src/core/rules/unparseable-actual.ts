import { rowName, TIERS } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unparseable-actual",
  severity: "error",
  title: { zh: "实际完成值无法计分", en: "Actual cannot be scored" },
  requires: ["actuals"],
  description: { zh: "实际完成值既不是数值也不是达成等级。", en: "An actual value is neither a number nor a tier." },
  mark: "static",
  formulaFigure: false,
  messages: {
    quantitative: {
      zh: "{who}的实际完成值“{actual}”无法计分：目标为定量（{target}），请填写数值和单位。",
      en: "{who}: the actual \"{actual}\" cannot be scored against the quantitative target {target}: give a number and unit.",
    },
    qualitative: {
      zh: "{who}的实际完成值“{actual}”无法计分：定性指标请填{tiers}。",
      en: "{who}: the actual \"{actual}\" cannot be scored: a qualitative indicator takes one of the tiers {tiers}.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.problem !== "unparseable-actual" || !e.indicator.actualCell) continue;
      const ind = e.indicator;
      const cell = e.indicator.actualCell;
      const data = { who: rowName(ind), actual: ind.actualText };
      report(
        ind.target.kind === "quantity"
          ? { cell, messageId: "quantitative", data: { ...data, target: ind.targetText }, row: ind.row }
          : { cell, messageId: "qualitative", data: { ...data, tiers: TIERS }, row: ind.row },
      );
    }
  },
});
