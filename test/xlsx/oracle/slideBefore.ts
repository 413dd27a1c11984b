// The reader's slide of a shared formula as it was (ExcelJS's slideFormula: a regular expression run on
// the master for every dependent): the oracle test/xlsx/sharedFormula.test.ts holds slideParts and slideBy to.
import { columnLetters, columnNumber } from "../../../src/core/address";

export function slideBefore(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (whole, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return whole;
    let col = columnNumber(letters);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col)}${m[3] ?? ""}${row}`;
  });
}
