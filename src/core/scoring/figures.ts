import { figuresOf } from "../forms/families";
import type { Form } from "../forms/model";
import type { Settings } from "../settings";
import type { Figures } from "./figureTypes";
import type { Evaluation } from "./evaluation";

export { budgetFigures, DEFAULT_BUDGET_WEIGHT, type BudgetFigures } from "./budget";

export type { Figures } from "./figureTypes";

/** A form's figures (budget score, total, grade, weight sum), by the rules of its family. */
export function computeFigures(form: Form, evals: Evaluation[], settings: Settings): Figures {
  return figuresOf(form, evals, settings);
}
