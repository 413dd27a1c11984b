import { same2 } from "../numbers";
import { n2 } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "stated-rate-differs",
  severity: "warning",
  kinds: ["self-evaluation-legacy"],
  description: { zh: "填报的预算执行率与执行数÷预算数不一致。", en: "The stated execution rate differs from executed / budget." },
  mark: "static",
  formulaFigure: false,
  check({ form, figures }, report) {
    if (!form.statedRate || figures.legacyRate === null) return;
    const s = form.statedRate;
    if (s.value !== null && same2(s.value, figures.legacyRate)) return;
    report(s.address, {
      zh: `预算执行率按 ${n2(form.executed!.value!)} ÷ ${n2(form.budget!.value!)} 计算为 ${n2(figures.legacyRate)}%，表中为 ${s.value === null ? "空" : `${n2(s.value)}%`}。`,
      en: `Executed / budget gives ${n2(figures.legacyRate)}%; the form states ${s.value === null ? "nothing" : `${n2(s.value)}%`}.`,
    });
  },
});
