import type { Form, FundsRow } from "../forms/model";
import { round2 } from "../numbers";
import type { Settings } from "../settings";
import type { Evaluation } from "./evaluate";
import { gradeFor } from "./grades";

export interface BudgetFigures {
  budget: number;
  executed: number;
  weight: number;
  /** 执行率 in percent, two decimals by the rounding setting. */
  rate: number;
  score: number;
}

export interface Figures {
  budget: BudgetFigures | null;
  /** Legacy form: 执行数 / 预算数 in percent (two decimals by the setting). */
  legacyRate: number | null;
  total: number | null;
  grade: string | null;
  /** Sum of the indicator weights (self-evaluation: plus the budget weight). */
  weightSum: number | null;
}

export const DEFAULT_BUDGET_WEIGHT = 10;

/** 执行率 = 全年执行数 / 全年预算数 × 100; 得分 = 分值 × min(执行率, 100) / 100, both cut (RULES §4). */
export function budgetFigures(row: FundsRow, settings: Settings): BudgetFigures | null {
  const budget = row.budget?.value ?? null;
  const executed = row.executed?.value ?? null;
  if (budget === null || executed === null || budget <= 0) return null;
  const weight = row.weight?.value ?? DEFAULT_BUDGET_WEIGHT;
  const rate = round2((executed / budget) * 100, settings.rounding);
  const score = round2((weight * Math.min(rate, 100)) / 100, settings.rounding);
  return { budget, executed, weight, rate, score };
}

export function figures(form: Form, evals: Evaluation[], settings: Settings): Figures {
  const active = evals.filter((e) => !e.placeholder);
  const sumOf = (xs: Array<number | null>): number | null =>
    xs.some((x) => x === null) ? null : round2(xs.reduce<number>((s, x) => s + (x as number), 0), "half-up");

  if (form.kind === "targets") {
    return { budget: null, legacyRate: null, total: null, grade: null, weightSum: sumOf(active.map((e) => e.weight)) };
  }
  if (form.kind === "self-evaluation-legacy") {
    const b = form.budget?.value ?? null;
    const x = form.executed?.value ?? null;
    const legacyRate = b !== null && x !== null && b > 0 ? round2((x / b) * 100, settings.rounding) : null;
    const total = sumOf(active.map((e) => e.score));
    return {
      budget: null,
      legacyRate,
      total,
      grade: total === null ? null : gradeFor(form.kind, total),
      weightSum: sumOf(active.map((e) => e.weight)),
    };
  }

  const budget = form.funds ? budgetFigures(form.funds.total, settings) : null;
  const budgetScore = budget?.score ?? form.funds?.total.score?.value ?? null;
  const budgetWeight = budget?.weight ?? form.funds?.total.weight?.value ?? DEFAULT_BUDGET_WEIGHT;
  const indicatorSum = sumOf(active.map((e) => e.effective));
  const total = budgetScore === null || indicatorSum === null ? null : round2(budgetScore + indicatorSum, "half-up");
  const weights = sumOf(active.map((e) => e.weight));
  return {
    budget,
    legacyRate: null,
    total,
    grade: total === null ? null : gradeFor(form.kind, total),
    weightSum: weights === null ? null : round2(weights + budgetWeight, "half-up"),
  };
}
