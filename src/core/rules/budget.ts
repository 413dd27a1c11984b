import type { FundsRow, SelfEvaluationForm } from "../forms/model";
import { HALF_CENT, round2, same2 } from "../numbers";
import { budgetFigures } from "../scoring/figures";
import { n2, ROUNDING_LABEL } from "./format";
import { defineRule } from "./types";

export const budgetRateMismatch = defineRule({
  code: "budget-rate-mismatch",
  severity: "error",
  kinds: ["self-evaluation"],
  description: { zh: "执行率 = 全年执行数 ÷ 全年预算数 × 100。", en: "Execution rate = executed / budget × 100." },
  check({ form, settings }, report) {
    const funds = (form as SelfEvaluationForm).funds;
    if (!funds) return;
    const mode = ROUNDING_LABEL[settings.rounding];
    for (const row of [funds.total, ...funds.parts]) {
      const b = row.budget?.value ?? null;
      const x = row.executed?.value ?? null;
      const cell = row.rate;
      if (!cell || b === null || x === null || b <= 0) continue;
      const want = round2((x / b) * 100, settings.rounding);
      if (cell.empty) {
        if (row !== funds.total) continue;
        report(cell.address, {
          zh: `执行率未填写：应为 ${n2(want)}（${mode.zh}），可用“填写得分”（命令行 --fix）自动填入。`,
          en: `The execution rate is empty: it should be ${n2(want)} (${mode.en}); Fill (--fix) writes it.`,
        });
      } else if (cell.value === null || !same2(cell.value, want)) {
        report(cell.address, {
          zh: `${row.label}执行率应为 ${n2(want)}（${n2(x)} ÷ ${n2(b)}，${mode.zh}），表中为 ${cell.value === null ? "非数字" : n2(cell.value)}。`,
          en: `${row.label}: the execution rate should be ${n2(want)} (${n2(x)} / ${n2(b)}, ${mode.en}); the form has ${cell.value === null ? "no number" : n2(cell.value)}.`,
        });
      }
    }
  },
});

export const budgetScoreMismatch = defineRule({
  code: "budget-score-mismatch",
  severity: "error",
  kinds: ["self-evaluation"],
  description: { zh: "预算执行得分 = 分值 × min(执行率, 100%)。", en: "Budget score = weight × min(rate, 100%)." },
  check({ form, settings }, report) {
    const funds = (form as SelfEvaluationForm).funds;
    if (!funds?.total.score) return;
    const f = budgetFigures(funds.total, settings);
    if (!f) return;
    const cell = funds.total.score;
    const mode = ROUNDING_LABEL[settings.rounding];
    if (cell.empty) {
      report(cell.address, {
        zh: `预算执行得分未填写：应为 ${n2(f.score)}（${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%，${mode.zh}），可用“填写得分”（命令行 --fix）自动填入。`,
        en: `The budget score is empty: it should be ${n2(f.score)} (${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%, ${mode.en}); Fill (--fix) writes it.`,
      });
    } else if (cell.value === null || !same2(cell.value, f.score)) {
      report(cell.address, {
        zh: `预算执行得分应为 ${n2(f.score)}（${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%，${mode.zh}），表中为 ${cell.value === null ? "非数字" : n2(cell.value)}。`,
        en: `The budget score should be ${n2(f.score)} (${n2(f.weight)} × ${n2(Math.min(f.rate, 100))}%, ${mode.en}); the form has ${cell.value === null ? "no number" : n2(cell.value)}.`,
      });
    }
  },
});

const COLUMNS: Array<{ key: "initial" | "budget" | "executed"; zh: string; en: string }> = [
  { key: "initial", zh: "年初预算数", en: "initial budget" },
  { key: "budget", zh: "全年预算数", en: "full-year budget" },
  { key: "executed", zh: "全年执行数", en: "executed" },
];

export const budgetSumMismatch = defineRule({
  code: "budget-sum-mismatch",
  severity: "error",
  kinds: ["self-evaluation"],
  description: {
    zh: "当年财政拨款、上年结转资金、其他资金之和须等于年度资金总额。",
    en: "The funding parts must add up to the annual total in every column.",
  },
  check({ form }, report) {
    const funds = (form as SelfEvaluationForm).funds;
    if (!funds || funds.parts.length === 0) return;
    for (const col of COLUMNS) {
      const total = funds.total[col.key];
      if (!total || total.value === null) continue;
      const parts = funds.parts.map((p: FundsRow) => p[col.key]);
      if (parts.every((p) => !p || p.value === null)) continue;
      const sum = parts.reduce((s, p) => s + (p?.value ?? 0), 0);
      if (same2(sum, total.value)) continue;
      report(total.address, {
        zh: `${col.zh}：各来源合计 ${n2(sum)}，与年度资金总额 ${n2(total.value)} 不一致。`,
        en: `${col.en}: the parts add up to ${n2(sum)}, the annual total says ${n2(total.value)}.`,
      });
    }
  },
});

export const budgetOverspent = defineRule({
  code: "budget-overspent",
  severity: "warning",
  kinds: ["self-evaluation"],
  description: { zh: "执行数超过预算数。", en: "Spending exceeds the budget." },
  check({ form }, report) {
    const funds = (form as SelfEvaluationForm).funds;
    const b = funds?.total.budget?.value ?? null;
    const x = funds?.total.executed?.value ?? null;
    if (!funds?.total.executed || b === null || x === null || x <= b + HALF_CENT) return;
    report(funds.total.executed.address, {
      zh: `全年执行数 ${n2(x)} 超过全年预算数 ${n2(b)}：请核实是否超预算支出。`,
      en: `Spending ${n2(x)} exceeds the budget ${n2(b)}: check for overspending.`,
    });
  },
});

export const statedRateDiffers = defineRule({
  code: "stated-rate-differs",
  severity: "warning",
  kinds: ["self-evaluation-legacy"],
  description: { zh: "填报的预算执行率与执行数÷预算数不一致。", en: "The stated execution rate differs from executed / budget." },
  check({ form, figures }, report) {
    if (form.kind !== "self-evaluation-legacy" || !form.statedRate || figures.legacyRate === null) return;
    const s = form.statedRate;
    if (s.value !== null && same2(s.value, figures.legacyRate)) return;
    report(s.address, {
      zh: `预算执行率按 ${n2(form.executed!.value!)} ÷ ${n2(form.budget!.value!)} 计算为 ${n2(figures.legacyRate)}%，表中为 ${s.value === null ? "空" : `${n2(s.value)}%`}。`,
      en: `Executed / budget gives ${n2(figures.legacyRate)}%; the form states ${s.value === null ? "nothing" : `${n2(s.value)}%`}.`,
    });
  },
});
