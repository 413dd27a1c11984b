import type { FundsRow } from "../forms/model";
import { same2 } from "../numbers";
import { scoredFundsRow } from "../scoring/budget";
import { n2 } from "./helpers";
import { defineRule } from "./types";

const COLUMNS: Array<{ key: "initial" | "budget" | "executed"; zh: string; en: string }> = [
  { key: "initial", zh: "年初预算数", en: "initial budget" },
  { key: "budget", zh: "全年预算数", en: "full-year budget" },
  { key: "executed", zh: "全年执行数", en: "executed" },
];

export default defineRule({
  code: "budget-sum-mismatch",
  severity: "error",
  title: { zh: "资金合计不符", en: "Funds do not add up" },
  requires: ["budget"],
  description: {
    zh: "当年财政拨款、上年结转资金、其他资金之和须等于年度资金总额。",
    en: "The funding parts must add up to the annual total in every column.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    sum: {
      zh: "{column}：{parts}合计 {sum}，与年度资金总额 {total} 不一致。",
      en: "{column}: {parts} add up to {sum}, the annual total says {total}.",
    },
  },
  check({ form }, report) {
    const funds = form.funds;
    // A blank total is budget-total-blank's, not a sum that disagrees; a total stated as 0 does disagree.
    const scored = funds ? scoredFundsRow(funds) : null;
    if (!funds || funds.parts.length === 0 || (scored?.fromParts && !scored.statedZero)) return;
    // Each breakdown adds up to the total: a department-wide form has two (by source, by use).
    const groups = funds.groups && funds.groups.length > 0 ? funds.groups : [funds.parts];
    for (const group of groups) {
      const what = groups.length > 1 ? { zh: `“${group.map((p) => p.label).join("、")}”`, en: `"${group.map((p) => p.label).join(", ")}"` } : { zh: "各来源", en: "the parts" };
      for (const col of COLUMNS) {
        const total = funds.total[col.key];
        if (!total || total.value === null) continue;
        const parts = group.map((p: FundsRow) => p[col.key]);
        if (parts.every((p) => !p || p.value === null)) continue;
        const sum = parts.reduce((s, p) => s + (p?.value ?? 0), 0);
        if (same2(sum, total.value)) continue;
        report({ cell: total.address, messageId: "sum", data: { column: { zh: col.zh, en: col.en }, parts: what, sum: n2(sum), total: n2(total.value) } });
      }
    }
  },
});
