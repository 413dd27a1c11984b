import { same2 } from "../numbers";
import { scoredFundsRow } from "../scoring/budget";
import { budgetFigures } from "../scoring/budget";
import { n2, ROUNDING_LABEL } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "budget-score-mismatch",
  severity: "error",
  title: { zh: "预算执行得分不符", en: "Budget score wrong" },
  requires: ["budget"],
  description: { zh: "预算执行得分 = 分值 × min(执行率, 100%)。", en: "Budget score = weight × min(rate, 100%)." },
  mark: "static",
  formulaFigure: true,
  messages: {
    empty: {
      zh: "预算执行得分未填写：应为 {score}（{weight} × {rate}%，{mode}）。",
      en: "The budget score is empty: it should be {score} ({weight} × {rate}%, {mode}).",
    },
    differs: {
      zh: "预算执行得分应为 {score}（{weight} × {rate}%，{mode}），表中为 {stated}。",
      en: "The budget score should be {score} ({weight} × {rate}%, {mode}); the form has {stated}.",
    },
  },
  check({ form, settings }, report) {
    const funds = form.funds;
    if (!funds?.total.score) return;
    const f = budgetFigures(scoredFundsRow(funds).row, settings, funds.labelWeight ?? undefined);
    if (!f) return;
    const cell = funds.total.score;
    const data = { score: n2(f.score), weight: n2(f.weight), rate: n2(Math.min(f.rate, 100)), mode: ROUNDING_LABEL[settings.rounding] };
    if (cell.empty) {
      report({ cell: cell.address, messageId: "empty", data, fix: "fill" });
    } else if (cell.value === null || !same2(cell.value, f.score)) {
      report({ cell: cell.address, messageId: "differs", data: { ...data, stated: cell.value === null ? { zh: "非数字", en: "no number" } : n2(cell.value) } });
    }
  },
});
