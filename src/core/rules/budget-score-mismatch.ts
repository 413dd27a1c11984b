import { same2 } from "../numbers";
import { scoredFundsRow } from "../scoring/budget";
import { budgetFigures } from "../scoring/budget";
import { n2, ROUNDING_LABEL } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "budget-score-mismatch",
  severity: "error",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: { zh: "预算执行得分 = 分值 × min(执行率, 100%)。", en: "Budget score = weight × min(rate, 100%)." },
  mark: "static",
  formulaFigure: true,
  check({ form, settings }, report) {
    const funds = form.funds;
    if (!funds?.total.score) return;
    const f = budgetFigures(scoredFundsRow(funds).row, settings, funds.labelWeight ?? undefined);
    if (!f) return;
    const cell = funds.total.score;
    const mode = ROUNDING_LABEL[settings.rounding];
    if (cell.empty) {
      report(cell.address, {
        zh: `预算执行得分未填写：应为 ${n2(f.score)}（${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%，${mode.zh}）。`,
        en: `The budget score is empty: it should be ${n2(f.score)} (${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%, ${mode.en}).`,
      }, undefined, "fill");
    } else if (cell.value === null || !same2(cell.value, f.score)) {
      report(cell.address, {
        zh: `预算执行得分应为 ${n2(f.score)}（${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%，${mode.zh}），表中为 ${cell.value === null ? "非数字" : n2(cell.value)}。`,
        en: `The budget score should be ${n2(f.score)} (${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%, ${mode.en}); the form has ${cell.value === null ? "no number" : n2(cell.value)}.`,
      });
    }
  },
});
