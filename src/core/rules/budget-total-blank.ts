import { scoredFundsRow } from "../scoring/budget";
import { n2 } from "./helpers";
import { defineRule } from "./types";

/**
 * Anhui's published form shows 年度资金总额 0 | 0 | 0 above 本年财政拨款 90 | 89.974 | 89.974 (RULES-2 §9.4,
 * proposed): the budget is scored from the parts, and the officer is asked to fill the total.
 */
export default defineRule({
  code: "budget-total-blank",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: {
    zh: "年度资金总额为空或为 0 而其下各项有数：已按各项合计计算执行率。",
    en: "The annual total is blank or 0 while its parts hold figures: the rate is computed from the parts.",
  },
  mark: "static",
  formulaFigure: false,
  check({ form }, report) {
    const funds = form.funds;
    if (!funds) return;
    const { row, fromParts } = scoredFundsRow(funds);
    if (!fromParts) return;
    const b = row.budget!.value!;
    const x = row.executed!.value!;
    report(funds.total.budget?.address ?? funds.total.labelCell, {
      zh: `${funds.total.label}的预算数和执行数为空或为 0，其下各项合计为 ${n2(b)} 和 ${n2(x)}：已按各项合计计算执行率，请把合计填入${funds.total.label}。`,
      en: `${funds.total.label} has no budget or executed figure while its parts add up to ${n2(b)} and ${n2(x)}: the rate is computed from the parts; fill in the total.`,
    }, funds.total.row);
  },
});
