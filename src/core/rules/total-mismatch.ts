import { same2 } from "../numbers";
import { hasBudgetScore, n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "total-mismatch",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: { zh: "总分应等于预算执行得分加各指标得分。", en: "The total must equal the budget score plus the indicator scores." },
  mark: "static",
  formulaFigure: true,
  check({ form, figures }, report) {
    const cell = form.total?.score;
    if (!cell || figures.total === null) return;
    const how =
      hasBudgetScore(form)
        ? { zh: "预算执行得分加各指标得分", en: "the budget score plus the indicator scores" }
        : { zh: "各指标自评分之和", en: "the sum of the indicator scores" };
    if (cell.empty) {
      report(cell.address, {
        zh: `总分未填写：按${how.zh}应为 ${n2(figures.total)}。`,
        en: `The total is empty: ${how.en} make ${n2(figures.total)}.`,
      }, undefined, "fill");
    } else if (cell.value === null) {
      report(cell.address, { zh: `总分不是数字：应为 ${n2(figures.total)}。`, en: `The total is not a number: it should be ${n2(figures.total)}.` });
    } else if (!same2(cell.value, figures.total)) {
      report(cell.address, {
        zh: `总分应为 ${n2(figures.total)}（${how.zh}），表中为 ${n2(cell.value)}。`,
        en: `The total should be ${n2(figures.total)} (${how.en}); the form has ${n2(cell.value)}.`,
      });
    }
  },
});
