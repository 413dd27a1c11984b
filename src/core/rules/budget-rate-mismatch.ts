import { round2, same2 } from "../numbers";
import { scoredFundsRow } from "../scoring/budget";
import { n2, ROUNDING_LABEL } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "budget-rate-mismatch",
  severity: "error",
  title: { zh: "执行率不符", en: "Execution rate wrong" },
  requires: ["budget"],
  description: { zh: "执行率 = 全年执行数 ÷ 全年预算数 × 100。", en: "Execution rate = executed / budget × 100." },
  mark: "static",
  formulaFigure: true,
  messages: {
    empty: {
      zh: "执行率未填写：应为 {want}（{mode}）。",
      en: "The execution rate is empty: it should be {want} ({mode}).",
    },
    differs: {
      zh: "{label}执行率应为 {want}（{executed} ÷ {budget}，{mode}），表中为 {stated}。",
      en: "{label}: the execution rate should be {want} ({executed} / {budget}, {mode}); the form has {stated}.",
    },
  },
  check({ form, settings }, report) {
    const funds = form.funds;
    if (!funds) return;
    const mode = ROUNDING_LABEL[settings.rounding];
    // A total stated as 0 | 0 | 0 above parts with figures: its rate is checked against the parts (RULES-3 §17).
    const scored = scoredFundsRow(funds);
    const total = scored.statedZero ? scored.row : funds.total;
    for (const row of [total, ...funds.parts]) {
      const b = row.budget?.value ?? null;
      const x = row.executed?.value ?? null;
      const cell = row.rate;
      if (!cell || b === null || x === null || b <= 0) continue;
      const want = round2((x / b) * 100, settings.rounding);
      if (cell.empty) {
        if (row !== total) continue;
        report({ cell: cell.address, messageId: "empty", data: { want: n2(want), mode }, fix: "fill" });
      } else if (cell.value === null || !same2(cell.value, want)) {
        const stated = cell.value === null ? { zh: "非数字", en: "no number" } : n2(cell.value);
        report({ cell: cell.address, messageId: "differs", data: { label: row.label, want: n2(want), executed: n2(x), budget: n2(b), mode, stated } });
      }
    }
  },
});
