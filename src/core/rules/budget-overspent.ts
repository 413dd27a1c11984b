import { HALF_CENT } from "../numbers";
import { n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "budget-overspent",
  severity: "warning",
  title: { zh: "超预算支出", en: "Spending over budget" },
  requires: ["budget"],
  description: { zh: "执行数超过预算数。", en: "Spending exceeds the budget." },
  mark: "static",
  formulaFigure: false,
  messages: {
    overspent: {
      zh: "全年执行数 {executed} 超过全年预算数 {budget}：请核实是否超预算支出。",
      en: "Spending {executed} exceeds the budget {budget}: check for overspending.",
    },
  },
  check({ form }, report) {
    const funds = form.funds;
    const b = funds?.total.budget?.value ?? null;
    const x = funds?.total.executed?.value ?? null;
    if (!funds?.total.executed || b === null || x === null || x <= b + HALF_CENT) return;
    report({ cell: funds.total.executed.address, messageId: "overspent", data: { executed: n2(x), budget: n2(b) } });
  },
});
