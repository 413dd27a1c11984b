import { evaluateRowOf } from "../forms/families";
import type { Form, Indicator } from "../forms/model";
import type { Settings } from "../settings";
import { settleFields } from "../shapes";
import type { Evaluation } from "./evaluation";

export * from "./evaluation";

/** Score every indicator of a form by the rules of its family. */
export function evaluate(form: Form, settings: Settings): Evaluation[] {
  return form.indicators.map((ind) => evaluateRowOf(form, start(ind), settings));
}

/** Where every family's evaluation of a row starts: the weight and score as stated. */
function start(ind: Indicator): Evaluation {
  const score = ind.score?.value ?? null;
  // Every field a family may set is here from the start: one shape for every evaluation (rules read
  // them in loops over all rows), and no property store grown as a family adds its fields.
  return {
    indicator: ind,
    placeholder: false,
    mode: "unscored",
    problem: null,
    op: undefined,
    target: undefined,
    unit: undefined,
    actual: undefined,
    converted: undefined,
    met: undefined,
    completion: undefined,
    tier: undefined,
    judged: undefined,
    tierOnQuantitative: undefined,
    band: undefined,
    suggested: null,
    weight: ind.weight?.value ?? null,
    score,
    effective: score,
    needsExplanation: false,
    overachieved: false,
  };
}

settleFields((n) => start({ weight: { value: n }, score: { value: n } } as Indicator));
