import budgetOverspent from "./budget-overspent";
import budgetRateMismatch from "./budget-rate-mismatch";
import budgetScoreMismatch from "./budget-score-mismatch";
import budgetSumMismatch from "./budget-sum-mismatch";
import budgetTotalBlank from "./budget-total-blank";
import coefficientMismatch from "./coefficient-mismatch";
import formulaUnchecked from "./formula-unchecked";
import gradeMismatch from "./grade-mismatch";
import gradeVsRate from "./grade-vs-rate";
import indicatorRatioHigh from "./indicator-ratio-high";
import missingActual from "./missing-actual";
import missingCategory from "./missing-category";
import missingCost from "./missing-cost";
import missingExplanation from "./missing-explanation";
import missingSatisfaction from "./missing-satisfaction";
import missingScore from "./missing-score";
import missingTarget from "./missing-target";
import missingWeight from "./missing-weight";
import overachievementUnexplained from "./overachievement-unexplained";
import scoreAboveRule from "./score-above-rule";
import scoreExceedsWeight from "./score-exceeds-weight";
import scoreNegative from "./score-negative";
import statedRateDiffers from "./stated-rate-differs";
import textTooLong from "./text-too-long";
import tierBandViolation from "./tier-band-violation";
import tierOnQuantitative from "./tier-on-quantitative";
import totalMismatch from "./total-mismatch";
import unitConverted from "./unit-converted";
import unitMismatch from "./unit-mismatch";
import unparseableActual from "./unparseable-actual";
import unparseableTarget from "./unparseable-target";
import unscorableActual from "./unscorable-actual";
import vagueTarget from "./vague-target";
import weightSplit from "./weight-split";
import weightSum from "./weight-sum";
import printAreaCuts from "./print-area-cuts";
import printDraftLeft from "./print-draft-left";
import printHiddenContent from "./print-hidden-content";
import printTextCut from "./print-text-cut";
import printTitlesMissing from "./print-titles-missing";
import printTooWide from "./print-too-wide";
import type { Rule } from "./types";

/** Every rule; findings are listed by severity, then row, and within those in this order. */
export const RULES: readonly Rule[] = [
  missingCategory,
  budgetSumMismatch,
  budgetRateMismatch,
  budgetScoreMismatch,
  budgetOverspent,
  budgetTotalBlank,
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
  coefficientMismatch,
  overachievementUnexplained,
  unitConverted,
  tierOnQuantitative,
  unscorableActual,
  textTooLong,
  missingSatisfaction,
  missingCost,
  vagueTarget,
  weightSplit,
  formulaUnchecked,
  indicatorRatioHigh,
  gradeVsRate,
  printAreaCuts,
  printTooWide,
  printTitlesMissing,
  printHiddenContent,
  printTextCut,
  printDraftLeft,
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
