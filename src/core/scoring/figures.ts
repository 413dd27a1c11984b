import { figuresOf } from "../forms/families";
import type { Form } from "../forms/model";
import type { Settings } from "../settings";
import type { BudgetFigures } from "./budget";
import type { Evaluation } from "./evaluation";

export { budgetFigures, DEFAULT_BUDGET_WEIGHT, type BudgetFigures } from "./budget";

export interface Figures {
  budget: BudgetFigures | null;
  /** Legacy form: 执行数 / 预算数 in percent (two decimals by the setting). */
  legacyRate: number | null;
  total: number | null;
  grade: string | null;
  /** Sum of the indicator weights (self-evaluation: plus the budget weight). */
  weightSum: number | null;
}

/** A form's figures (budget score, total, grade, weight sum), by the rules of its family. */
export function figures(form: Form, evals: Evaluation[], settings: Settings): Figures {
  return figuresOf(form, evals, settings);
}
