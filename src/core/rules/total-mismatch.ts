import { same2 } from "../numbers";
import { hasBudgetScore, n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "total-mismatch",
  severity: "error",
  title: { zh: "总分不符", en: "Total wrong" },
  requires: ["scores"],
  description: { zh: "总分应等于预算执行得分加各指标得分。", en: "The total must equal the budget score plus the indicator scores." },
  mark: "static",
  formulaFigure: true,
  messages: {
    empty: {
      zh: "总分未填写：按{how}应为 {total}。",
      en: "The total is empty: {how} make {total}.",
    },
    notNumber: {
      zh: "总分不是数字：应为 {total}。",
      en: "The total is not a number: it should be {total}.",
    },
    differs: {
      zh: "总分应为 {total}（{how}），表中为 {stated}。",
      en: "The total should be {total} ({how}); the form has {stated}.",
    },
  },
  check({ form, figures }, report) {
    const cell = form.total?.score;
    if (!cell || figures.total === null) return;
    const how = hasBudgetScore(form)
      ? { zh: "预算执行得分加各指标得分", en: "the budget score plus the indicator scores" }
      : { zh: "各指标自评分之和", en: "the sum of the indicator scores" };
    const total = n2(figures.total);
    if (cell.empty) report({ cell: cell.address, messageId: "empty", data: { how, total }, fix: "fill" });
    else if (cell.value === null) report({ cell: cell.address, messageId: "notNumber", data: { total } });
    else if (!same2(cell.value, figures.total)) report({ cell: cell.address, messageId: "differs", data: { total, how, stated: n2(cell.value) } });
  },
});
