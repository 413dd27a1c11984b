import { fmtNum, HALF_CENT } from "../numbers";
import { isCoefficientTable, n2, rowName } from "./helpers";
import { defineRule } from "./types";

/**
 * Chongqing's department-wide form scores each indicator as 指标权重 × 得分系数 (RULES-2 §8.3, source
 * 100 % × 2 = 2). How the 系数 is chosen for an unmet target is unconfirmed, so only the product is
 * checked, and as a warning.
 */
export default defineRule({
  code: "coefficient-mismatch",
  severity: "warning",
  title: { zh: "得分与系数不符", en: "Score not weight × coefficient" },
  requires: ["coefficients"],
  description: { zh: "指标得分应等于指标权重 × 得分系数。", en: "An indicator's score should be its weight × its coefficient." },
  mark: "static",
  formulaFigure: false,
  messages: {
    differs: {
      zh: "{who}指标得分 {score} 与指标权重 {weight} × 得分系数 {coefficient} = {want} 不符：请核对得分或系数。",
      en: "{who}: the score {score} is not the weight {weight} × the coefficient {coefficient} = {want}.",
    },
  },
  check({ form, evals }, report) {
    if (!isCoefficientTable(form)) return;
    for (const e of evals) {
      const coef = e.indicator.coefficient;
      if (e.score === null || e.suggested === null || coef?.value == null) continue;
      if (Math.abs(e.score - e.suggested) < HALF_CENT) continue;
      const shown = form.coefficientPercentHead || coef.value > 1.5 ? `${fmtNum(coef.value)}%` : fmtNum(coef.value);
      report({
        cell: e.indicator.score!.address,
        messageId: "differs",
        data: { who: rowName(e.indicator), score: n2(e.score), weight: n2(e.weight!), coefficient: shown, want: n2(e.suggested) },
        row: e.indicator.row,
      });
    }
  },
});
