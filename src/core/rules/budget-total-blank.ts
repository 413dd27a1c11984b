import { scoredFundsRow } from "../scoring/budget";
import { n2 } from "./helpers";
import { defineRule } from "./types";

/**
 * A 年度资金总额 left blank above 本年财政拨款 90 | 89.974 | 89.974 (RULES-2 §9.4): the budget is scored from
 * the parts, and the officer is asked to fill the total. Stated as 0 it is budget-sum-mismatch.
 */
export default defineRule({
  code: "budget-total-blank",
  severity: "warning",
  title: { zh: "资金总额为空", en: "Funds total blank" },
  requires: ["budget"],
  description: {
    zh: "年度资金总额为空而其下各项有数：已按各项合计计算执行率。",
    en: "The annual total is blank while its parts hold figures: the rate is computed from the parts.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    fromParts: {
      zh: "{label}的预算数和执行数为空，其下各项合计为 {budget} 和 {executed}：已按各项合计计算执行率，请把合计填入{label}。",
      en: "{label} is blank while its parts add up to {budget} and {executed}: the rate is computed from the parts; fill in the total.",
    },
  },
  check({ form }, report) {
    const funds = form.funds;
    if (!funds) return;
    const { row, fromParts, statedZero } = scoredFundsRow(funds);
    // A total stated as 0 is a figure that disagrees with its parts: budget-sum-mismatch's (RULES-3 §17).
    if (!fromParts || statedZero) return;
    report({
      cell: funds.total.budget?.address ?? funds.total.labelCell,
      messageId: "fromParts",
      data: { label: funds.total.label, budget: n2(row.budget!.value!), executed: n2(row.executed!.value!) },
      row: funds.total.row,
    });
  },
});
