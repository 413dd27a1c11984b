import type { FundsRow } from "../forms/model";
import { round2 } from "../numbers";
import type { Settings } from "../settings";

export interface BudgetFigures {
  budget: number;
  executed: number;
  weight: number;
  /** 执行率 in percent, two decimals by the rounding setting. */
  rate: number;
  score: number;
}

export const DEFAULT_BUDGET_WEIGHT = 10;

/** 执行率 = 全年执行数 / 全年预算数 × 100; 得分 = 分值 × min(执行率, 100) / 100, both cut (RULES §4). */
export function budgetFigures(row: FundsRow, settings: Settings, defaultWeight = DEFAULT_BUDGET_WEIGHT): BudgetFigures | null {
  const budget = row.budget?.value ?? null;
  const executed = row.executed?.value ?? null;
  if (budget === null || executed === null || budget <= 0) return null;
  const weight = row.weight?.value ?? defaultWeight;
  const rate = round2((executed / budget) * 100, settings.rounding);
  const score = round2((weight * Math.min(rate, 100)) / 100, settings.rounding);
  return { budget, executed, weight, rate, score };
}
