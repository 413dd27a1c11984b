import { same2 } from "../numbers";
import { n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "stated-rate-differs",
  severity: "warning",
  title: { zh: "执行率与计算不符", en: "Stated rate differs" },
  requires: ["legacyRate"],
  description: { zh: "填报的预算执行率与执行数÷预算数不一致。", en: "The stated execution rate differs from executed / budget." },
  mark: "static",
  formulaFigure: false,
  messages: {
    differs: {
      zh: "预算执行率按 {executed} ÷ {budget} 计算为 {rate}%，表中为 {stated}。",
      en: "Executed {executed} / budget {budget} gives {rate}%; the form states {stated}.",
    },
  },
  check({ form, figures }, report) {
    if (!form.statedRate || figures.legacyRate === null) return;
    const s = form.statedRate;
    if (s.value !== null && same2(s.value, figures.legacyRate)) return;
    report({
      cell: s.address,
      messageId: "differs",
      data: {
        executed: n2(form.executed!.value!),
        budget: n2(form.budget!.value!),
        rate: n2(figures.legacyRate),
        stated: s.value === null ? { zh: "空", en: "nothing" } : `${n2(s.value)}%`,
      },
    });
  },
});
