import type { Form, Indicator } from "../forms/model";
import { HALF_CENT, round2 } from "../numbers";
import type { Settings } from "../settings";
import { convertUnit } from "../values/units";
import type { Comparator, Tier } from "../values/types";
import { completionPercent, earnedShare, higherIsBetter, isMet } from "./quantitative";
import { TIER_BANDS } from "./tiers";

export type RowProblem =
  | "missing-target"
  | "missing-actual"
  | "unparseable-target"
  | "unparseable-actual"
  | "unit-mismatch";

export interface Evaluation {
  indicator: Indicator;
  /** Legacy rows with no weight and a zero score are unused placeholders. */
  placeholder: boolean;
  mode: "quantitative" | "qualitative" | "unscored";
  problem: RowProblem | null;
  op?: Comparator;
  target?: number;
  unit?: string;
  /** The actual in the target's unit. */
  actual?: number;
  converted?: { from: string; to: string; original: number };
  met?: boolean;
  /** Completion in percent (actual/target, or target/actual when lower is better). */
  completion?: number | null;
  tier?: Tier;
  /** The suggested maximum score (建议上限), two decimals by the rounding setting. */
  suggested: number | null;
  /** A qualitative indicator's tier band in points (weight × the tier's range): a score must fall in it. */
  band?: { lo: number; hi: number };
  weight: number | null;
  /** The score the form states, if a number. */
  score: number | null;
  /** The stated score, else the suggestion: what the total counts. */
  effective: number | null;
  needsExplanation: boolean;
  overachieved: boolean;
}

export const DRAFT_MARKER = "【待补充原因】";

export function evaluate(form: Form, settings: Settings): Evaluation[] {
  return form.indicators.map((ind) => evaluateRow(form, ind, settings));
}

function evaluateRow(form: Form, ind: Indicator, settings: Settings): Evaluation {
  const weight = ind.weight?.value ?? null;
  const score = ind.score?.value ?? null;
  const base: Evaluation = {
    indicator: ind,
    placeholder: form.kind === "self-evaluation-legacy" && ind.weight?.empty === true && (score === null || score === 0),
    mode: "unscored",
    problem: null,
    suggested: null,
    weight,
    score,
    effective: score,
    needsExplanation: false,
    overachieved: false,
  };
  if (form.kind !== "self-evaluation") {
    base.needsExplanation = weight !== null && score !== null && score < weight - HALF_CENT;
    return base;
  }

  const t = ind.target;
  const a = ind.actual ?? { kind: "empty" as const };
  if (t.kind === "empty") base.problem = "missing-target";
  else if (t.kind === "unparseable") base.problem = "unparseable-target";
  else if (a.kind === "empty") base.problem = "missing-actual";

  // A tier scores a qualitative target only: a quantitative one needs a number (RULES §3).
  if (!base.problem && a.kind === "tier" && t.kind === "qualitative") {
    base.mode = "qualitative";
    base.tier = a.tier;
    const b = TIER_BANDS[a.tier];
    if (weight !== null) {
      base.band = { lo: weight * b.lo, hi: weight * b.hi };
      // Rounding up must not lift the suggestion out of its own band (3.34 × 60% = 2.004 → 2.00).
      const s = round2(weight * b.suggest, settings.rounding);
      base.suggested = s > base.band.hi + 1e-9 ? round2(weight * b.suggest, "truncate") : s;
    }
  } else if (!base.problem && t.kind === "quantity") {
    if (a.kind !== "quantity") base.problem = "unparseable-actual";
    else {
      const conv = convertUnit(a.value, a.unit, t.unit);
      if (!conv) base.problem = "unit-mismatch";
      else {
        base.mode = "quantitative";
        base.op = t.op;
        base.target = t.value;
        base.unit = t.unit || a.unit;
        base.actual = conv.value;
        if (conv.converted) base.converted = { from: a.unit, to: t.unit, original: a.value };
        base.met = isMet(t.op, t.value, conv.value);
        base.completion = completionPercent(t.op, t.value, conv.value);
        if (weight !== null) {
          base.suggested = round2(weight * earnedShare(t.op, t.value, conv.value, settings.reverseFormula), settings.rounding);
        }
        if (base.met && higherIsBetter(t.op, t.value)) {
          const over = t.op === "=" ? conv.value > t.value + 1e-9 : t.value > 0 && conv.value >= t.value * (1 + settings.overachievementThreshold) - 1e-9;
          base.overachieved = over;
        }
      }
    }
  } else if (!base.problem) {
    // A qualitative target needs a tier as its actual.
    base.problem = "unparseable-actual";
  }

  if (score === null && ind.score?.empty) base.effective = base.suggested;
  const eff = base.effective;
  base.needsExplanation =
    (weight !== null && eff !== null && eff < weight - HALF_CENT) ||
    (base.mode === "quantitative" && base.met === false) ||
    (base.mode === "qualitative" && base.tier !== "达成");
  return base;
}

/** A reason counts only when a person wrote one: empty or still holding the draft marker is missing. */
export function hasReason(text: string | undefined | null): boolean {
  const s = (text ?? "").trim();
  return s !== "" && !s.includes(DRAFT_MARKER);
}
