import type { Settings } from "../settings";
import type { Comparator } from "../values/types";

const EPS = 1e-9;

/** `=0` targets (故障率 =0) only make sense as lower-is-better; other `=` targets are exceeded = met. */
export function higherIsBetter(op: Comparator, target: number): boolean {
  if (op === ">=" || op === ">") return true;
  if (op === "<=" || op === "<") return false;
  return target > 0;
}

export function isMet(op: Comparator, target: number, actual: number): boolean {
  switch (op) {
    case ">=":
      return actual >= target - EPS;
    case ">":
      return actual > target + EPS;
    case "<=":
      return actual <= target + EPS;
    case "<":
      return actual < target - EPS;
    case "=":
      return higherIsBetter(op, target) ? actual >= target - EPS : actual <= target + EPS;
  }
}

/**
 * The share of the weight earned (0..1) under 财预〔2020〕10号 第十七条: the full weight when met,
 * otherwise actual/target (higher-is-better) or target/actual resp. the deviation formula.
 */
export function earnedShare(op: Comparator, target: number, actual: number, reverse: Settings["reverseFormula"]): number {
  if (isMet(op, target, actual)) return 1;
  if (higherIsBetter(op, target)) {
    if (target <= 0) return 0;
    return Math.max(0, Math.min(1, actual / target));
  }
  if (target <= 0) return 0;
  if (reverse === "ratio") return actual > 0 ? Math.max(0, Math.min(1, target / actual)) : 0;
  return Math.max(0, Math.min(1, 1 - (actual - target) / target));
}

/** Completion as a person reads it, in percent: actual/target, or target/actual when lower is better. */
export function completionPercent(op: Comparator, target: number, actual: number): number | null {
  if (higherIsBetter(op, target)) return target > 0 ? (actual / target) * 100 : null;
  return actual > 0 ? (target / actual) * 100 : null;
}
