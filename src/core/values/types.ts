/** What the value reader (RULES §3) makes of a target or actual cell. */

export type Comparator = ">=" | "<=" | ">" | "<" | "=";
export type Tier = "达成" | "部分达成" | "未达成";

export type ParsedValue =
  | { kind: "empty" }
  /** A number with its comparator and unit ("" when none is given). `value` is in `unit`. */
  | { kind: "quantity"; op: Comparator; value: number; unit: string; text: string }
  /** A qualitative actual naming a tier (only ever produced by `readActual`). */
  | { kind: "tier"; tier: Tier; text: string }
  /** Words: a qualitative target, or an actual that is neither a number nor a tier. */
  | { kind: "qualitative"; text: string }
  /** Looks quantitative but cannot be read (`≥(%)`, `>=abc`, `1..5`). `reason` is short English. */
  | { kind: "unparseable"; text: string; reason: string };

/** The parts of a cell the reader looks at. `value` as Excel holds it, `text` as displayed. */
export interface CellInput {
  value: string | number | boolean | null;
  text?: string;
  numberFormat?: string;
}
