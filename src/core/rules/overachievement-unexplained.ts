import { rowName } from "./helpers";
import { hasReason } from "../scoring/evaluation";
import { defineRule } from "./types";

export default defineRule({
  code: "overachievement-unexplained",
  severity: "warning",
  title: { zh: "超额完成未说明", en: "Overachievement not explained" },
  requires: ["actuals"],
  description: {
    zh: "完成值明显高于指标值时要分析原因（财预〔2020〕10号）。",
    en: "An actual well above the target needs its reason analysed.",
  },
  mark: "blank-or-draft",
  formulaFigure: false,
  messages: {
    unexplained: {
      zh: "{who}实际 {actual}{how}（{target}）：请分析超额完成的原因，检查目标设定是否偏低。",
      en: "{who}: the actual {actual} {how} ({target}): explain why, and whether the target was set too low.",
    },
  },
  check({ evals, settings }, report) {
    for (const e of evals) {
      if (!e.overachieved) continue;
      const ind = e.indicator;
      if (hasReason(ind.reason?.text)) continue;
      const how =
        e.op === "="
          ? { zh: "超过了指标值", en: "exceeds the target" }
          : { zh: `超出指标值 ${Math.round(settings.overachievementThreshold * 100)}% 以上`, en: `is ${Math.round(settings.overachievementThreshold * 100)}% or more above the target` };
      report({
        cell: ind.reason?.address ?? ind.actualCell!,
        messageId: "unexplained",
        data: { who: rowName(ind), actual: ind.actualText, how, target: ind.targetText },
        row: ind.row,
      });
    }
  },
});
