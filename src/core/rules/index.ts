import { budgetOverspent, budgetRateMismatch, budgetScoreMismatch, budgetSumMismatch, statedRateDiffers } from "./budget";
import missingExplanation from "./missingExplanation";
import { missingActual, missingScore, missingTarget, missingWeight } from "./missingValues";
import { scoreAboveRule, scoreExceedsWeight, scoreNegative, tierBandViolation } from "./scores";
import { missingCategory, missingCost, missingSatisfaction, overachievementUnexplained, vagueTarget, weightSplit } from "./structure";
import { gradeMismatch, totalMismatch, weightSum } from "./totals";
import type { Rule } from "./types";
import { unitConverted, unitMismatch } from "./units";
import { unparseableActual, unparseableTarget } from "./unparseable";

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  missingCategory,
  budgetSumMismatch,
  budgetRateMismatch,
  budgetScoreMismatch,
  budgetOverspent,
  statedRateDiffers,
  missingTarget,
  unparseableTarget,
  missingActual,
  unparseableActual,
  unitMismatch,
  missingWeight,
  missingScore,
  scoreExceedsWeight,
  scoreNegative,
  tierBandViolation,
  missingExplanation,
  weightSum,
  totalMismatch,
  gradeMismatch,
  scoreAboveRule,
  overachievementUnexplained,
  unitConverted,
  missingSatisfaction,
  missingCost,
  vagueTarget,
  weightSplit,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
