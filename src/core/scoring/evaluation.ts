import type { Indicator } from "../forms/model";
import type { Judgement } from "../values/qualitative";
import type { Comparator, Tier } from "../values/types";

type RowProblem =
  | "missing-target"
  | "missing-actual"
  | "unparseable-target"
  | "unparseable-actual"
  /** A qualitative actual whose words do not settle a tier, beside a stated score: left to a person. */
  | "unscorable-actual"
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
  /** The tier was read from words other than a tier word (RULES-3 §16): the target's own word, 已完成, 基本完成, 未健全. */
  judged?: Judgement["how"];
  /** A tier word answered a quantitative target: scored as the tier, with a warning. */
  tierOnQuantitative?: boolean;
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

/** A reason counts only when a person wrote one: empty or still holding the draft marker is missing. */
export function hasReason(text: string | undefined | null): boolean {
  const s = (text ?? "").trim();
  return s !== "" && !s.includes(DRAFT_MARKER);
}
