import type { BudgetFigures } from "./budget";

export interface Figures {
  budget: BudgetFigures | null;
  /** Legacy form: 执行数 / 预算数 in percent (two decimals by the setting). */
  legacyRate: number | null;
  total: number | null;
  grade: string | null;
  /** Sum of the indicator weights (self-evaluation: plus the budget weight). */
  weightSum: number | null;
}
