import { isPercentFormat } from "./numberFormat";
import type { Cell } from "./grid";
import type { Settings } from "./settings";
import { settleFields } from "./shapes";
import { toHalfWidth } from "./text";

/**
 * Cut or round to two decimals. Binary noise is removed first (0.29 × 100 = 28.999999999999996
 * must cut to 29.00, not 28.99).
 */
export function round2(x: number, mode: Settings["rounding"]): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // Whole cents (95, 8.5: x × 100 an exact integer): nothing to round, whatever the mode; the usual score.
  const cents = Math.abs(x) * 100;
  if (Number.isInteger(cents) && cents < 1e15) return (sign * cents) / 100 || 0;
  return roundCents(x, sign, mode);
}

/** round2 through fifteen significant digits (exported for the test that holds round2's short path to it). */
export function round2Slow(x: number, mode: Settings["rounding"]): number {
  if (!Number.isFinite(x)) return x;
  return roundCents(x, x < 0 ? -1 : 1, mode);
}

function roundCents(x: number, sign: number, mode: Settings["rounding"]): number {
  // Fifteen significant digits keep what the figures mean (8.995 is a half cent even though
  // 8.995 × 100 is 899.4999999999999 in binary) without swallowing a real difference
  // (29.7299999959% is not 29.73).
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  let n: number;
  if (mode === "truncate") n = Math.floor(scaled);
  else if (mode === "up") n = Math.ceil(scaled);
  else n = Math.floor(scaled + 0.5);
  return (sign * n) / 100 || 0;
}

/**
 * Half a cent of a score: the forms print two decimals, so figures closer than this print the same.
 * The one tolerance every rule compares scores, weights and amounts with.
 */
export const HALF_CENT = 0.005;

/** Two figures that print the same at two decimals are equal for the forms (floating error aside). */
export function same2(a: number, b: number): boolean {
  return Math.abs(a - b) < HALF_CENT - 1e-9;
}

export function fmt2(x: number): string {
  return x.toFixed(2);
}

/** "94.46" for numbers, keeping what a person would type (no trailing zeros past two decimals). */
export function fmtNum(x: number): string {
  return Number(x.toFixed(4)).toString();
}

export interface NumberRead {
  /** The number, in the unit shown (a cell formatted 0.00% holding 0.978 reads as 97.8). */
  value: number | null;
  empty: boolean;
  /** Non-empty but not a number ("-" counts as empty). */
  invalid: boolean;
  /** The cell holds something, even a placeholder such as "-": filling never writes over it. */
  typed: boolean;
  formula: string | null;
}

const PLACEHOLDERS = new Set(["-", "—", "--", "/", "－", "无"]);

/** Read a cell that should hold an amount, a weight, a rate or a score. */
export function readNumber(cell: Cell): NumberRead & { address: string } {
  return readNumberOf(cell.value, cell.numberFormat, cell.formula, cell.address);
}

/**
 * readNumber of a cell's parts, for a reader that has them without a Cell. The address is in each
 * object as made: added afterwards, it gave each of a large form's cells a second allocation.
 */
export function readNumberOf(v: Cell["value"], numberFormat: string, formula: string | null, address: string): NumberRead & { address: string } {
  if (v === null) return { value: null, empty: true, invalid: false, formula, typed: false, address };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { value: null, empty: false, invalid: true, formula, typed: true, address };
    const pct = isPercentFormat(numberFormat);
    return { value: pct ? Number((v * 100).toFixed(10)) : v, empty: false, invalid: false, formula, typed: true, address };
  }
  if (typeof v === "boolean") return { value: null, empty: false, invalid: true, formula, typed: true, address };
  // A leading apostrophe (Excel's text mark, kept by some exports) is not part of the number: '95.
  const s = toHalfWidth(v).replace(/\s+/g, "").replace(/^'/, "");
  // A lone apostrophe or a space was typed all the same: read as empty, but never written over.
  if (s === "") return { value: null, empty: true, invalid: false, formula, typed: v !== "", address };
  if (PLACEHOLDERS.has(s)) return { value: null, empty: true, invalid: false, formula, typed: true, address };
  const m = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%|分|元|万元)?$/.exec(s);
  if (!m) return { value: null, empty: false, invalid: true, formula, typed: true, address };
  return { value: Number(m[1].replace(/,/g, "")), empty: false, invalid: false, formula, typed: true, address };
}

settleFields((n) => readNumberOf(n, "General", null, "A1"));
