import type { RangeRef } from "../core/address";
import { parseA1, toA1 } from "../core/address";
import { cellKey, keyCol, keyRow, type SheetState } from "./state";

/**
 * Rows inserted (count > 0) or deleted (count < 0) at `at` (1-based), as Excel moves what lies
 * below: cell contents, merged areas, conditional formats (their ranges and the references in their
 * formulas), notes, comments, validations and the references of formulas. What lay in deleted rows
 * is gone; a merged area or rule cut by a deletion shrinks.
 */
export function shiftRows(sheet: SheetState, at: number, count: number): void {
  if (count === 0) return;
  const gone = (row: number) => count < 0 && row >= at && row < at - count;
  const move = (row: number) => (row >= at ? row + count : row);
  const moveRef = (r: RangeRef): RangeRef | null => {
    if (count < 0) {
      const top = r.top >= at - count ? r.top + count : r.top >= at ? at : r.top;
      const bottom = r.bottom >= at - count ? r.bottom + count : r.bottom >= at ? at - 1 : r.bottom;
      return bottom < top ? null : { ...r, top, bottom };
    }
    return { ...r, top: move(r.top), bottom: move(r.bottom) };
  };
  const refs = (formula: string) => shiftFormulaRows(formula, at, count);

  const cells = new Map<number, (typeof sheet.cells extends Map<number, infer V> ? V : never)>();
  for (const [k, c] of sheet.cells) {
    const row = keyRow(k);
    if (gone(row)) continue;
    cells.set(cellKey(move(row), keyCol(k)), c.formula ? { ...c, formula: refs(c.formula) } : c);
  }
  sheet.cells = cells;
  sheet.merges = sheet.merges.map(moveRef).filter((m): m is RangeRef => m !== null && (m.top !== m.bottom || m.left !== m.right));
  sheet.cfs = sheet.cfs
    .map((cf) => ({ ...cf, ranges: cf.ranges.map(moveRef).filter((r): r is RangeRef => r !== null), formula: cf.formula ? refs(cf.formula) : cf.formula }))
    .filter((cf) => cf.ranges.length > 0);
  const moveKeyed = <V>(m: Map<string, V>): Map<string, V> => {
    const out = new Map<string, V>();
    for (const [a, v] of m) {
      const { row, col } = parseA1(a);
      if (!gone(row)) out.set(toA1(move(row), col), v);
    }
    return out;
  };
  sheet.notes = moveKeyed(sheet.notes);
  sheet.comments = moveKeyed(sheet.comments);
  sheet.validations = moveKeyed(sheet.validations);
  const unlocked = new Set<number>();
  for (const k of sheet.unlocked) if (!gone(keyRow(k))) unlocked.add(cellKey(move(keyRow(k)), keyCol(k)));
  sheet.unlocked = unlocked;
}

/** The A1 references of a formula (outside its string literals) moved as the rows move. */
function shiftFormulaRows(formula: string, at: number, count: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.!])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![0-9A-Za-z_(])/g, (whole, pre: string, d1: string, col: string, d2: string, row: string) => {
            const r = Number(row);
            if (r < at) return whole;
            if (count < 0 && r < at - count) return `${pre}#REF!`;
            return `${pre}${d1}${col}${d2}${r + count}`;
          }),
    )
    .join("");
}
