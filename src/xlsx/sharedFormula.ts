import { columnLetters, columnNumber } from "../core/address";

/**
 * A shared formula's dependents (`<f t="shared" si="0"/>`), made from its master as ExcelJS's
 * slideFormula makes them: each relative reference moved by the dependent's offset from the master.
 * The master is cut once where that expression finds its references, and each dependent put together
 * from the pieces: the expression and a match and a string for each reference, run for every cell of a
 * filled-down column, made such a column's sheet read 2.7 times as slowly as one of plain values.
 * test/xlsx/sharedFormula.test.ts holds it equal to the expression (test/xlsx/oracle/slideBefore.ts).
 */

interface SlidRef {
  /** The sheet's name and `!`, or "". */
  sheet: string;
  absCol: boolean;
  col: number;
  absRow: boolean;
  row: number;
}

export type SlideParts = ReadonlyArray<string | SlidRef>;

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const ADDRESS = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** The master formula's text and references, in order. */
export function slideParts(formula: string): SlideParts {
  const parts: Array<string | SlidRef> = [];
  let last = 0;
  for (const m of formula.matchAll(CANDIDATE)) {
    // A name before a bracket is a function's; anything not an address is left as written.
    if (m[4]) continue;
    const a = ADDRESS.exec(m[3]);
    if (!a) continue;
    const letters = a[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) continue;
    parts.push(formula.slice(last, m.index));
    parts.push({ sheet: m[1] ?? "", absCol: a[1] !== undefined, col: columnNumber(letters), absRow: a[3] !== undefined, row: parseInt(a[4], 10) });
    last = m.index + m[0].length;
  }
  parts.push(formula.slice(last));
  return parts;
}

/** The formula of a dependent `rows` and `cols` away from its master. */
export function slideBy(parts: SlideParts, rows: number, cols: number): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += p;
    else out += `${p.sheet}${p.absCol ? "$" : ""}${columnLetters(p.absCol ? p.col : p.col + cols)}${p.absRow ? "$" : ""}${p.absRow ? p.row : p.row + rows}`;
  }
  return out;
}
