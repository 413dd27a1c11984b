import type { FundsBlock, FundsRow, NumCell } from "../forms/model";
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

const blank = (c: NumCell | null) => !c || c.value === null;
const zero = (c: NumCell | null) => c !== null && c.value === 0;

/**
 * The row the budget is scored from. A 年度资金总额 with neither budget nor executed while its parts
 * (the first breakdown) have a budget is scored from the parts' sums: left blank, the rule
 * budget-total-blank warns (RULES-2 §9.4); stated as 0 | 0 | 0 (two published Anhui 2022 forms),
 * `statedZero`, it is a stated figure that disagrees with its parts, budget-sum-mismatch (RULES-3 §17),
 * and the stated rate and score are checked against the parts.
 */
export function scoredFundsRow(funds: FundsBlock): { row: FundsRow; fromParts: boolean; statedZero: boolean } {
  const total = funds.total;
  const parts = funds.groups?.[0] ?? funds.parts;
  const none = { row: total, fromParts: false, statedZero: false };
  const empty = (c: NumCell | null) => blank(c) || zero(c);
  if (!empty(total.budget) || !empty(total.executed) || !total.budget || !total.executed || parts.length === 0) return none;
  const sum = (key: "budget" | "executed") => parts.reduce((s, p) => s + (p[key]?.value ?? 0), 0);
  const budget = sum("budget");
  if (budget <= 0) return none;
  return {
    row: { ...total, budget: { ...total.budget, value: budget }, executed: { ...total.executed, value: sum("executed") } },
    fromParts: true,
    statedZero: zero(total.budget) || zero(total.executed),
  };
}
