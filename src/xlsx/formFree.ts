import { TABLE_CHAR } from "../core/forms/columns";

/** An Excel escape (ECMA-376 §22.9.2.19, `_x6807_` for 标): a text holding one may spell any character. */
const ESCAPE = /_x[0-9A-Fa-f]{4}_/;
/** A value element written otherwise than `<v>` (attributes, space, self-closing): left to the reader. */
const ODD_VALUE = /<v[^>]/;
/** An attribute named t written with space around its `=` (`t = "s"`): such a text is left to the reader. */
const SPACED_T = /\bt\s+=|\bt=\s/;

/**
 * The shared strings that hold TABLE_CHAR, by index; null when none does (then no sheet's shared
 * strings can show it, and no sheet is searched for them).
 */
export function markedStrings(strings: readonly string[]): Set<number> | null {
  let marked: Set<number> | null = null;
  for (let i = 0; i < strings.length; i++) if (strings[i].includes(TABLE_CHAR)) (marked ??= new Set()).add(i);
  return marked;
}

/**
 * Whether a sheet's XML holds no cell that could show TABLE_CHAR, so that recognition could find no
 * form on it (its header needs a cell holding that character: src/core/forms/columns.ts). A sheet of
 * thousands of rows of data beside the form (a 资金明细) is then not read cell by cell. Any doubt
 * answers false: the character anywhere in the text (an inline string, a formula's literal, a
 * formula's stored text result, CDATA), a character reference, an escape, a value element written
 * unusually or with a prefix, a type attribute quoted or spaced otherwise than `t="s"`, or a
 * shared-string cell whose index is one of the `marked` strings (every value after a `t="s"` is taken
 * for one). Number formats that could show it are the caller's to rule out (a number shows through its
 * format); formulas compute no text but from their literals and cells of this sheet
 * (src/core/formula.ts: no CHAR, no other sheets).
 */
export function formFree(xml: string, marked: ReadonlySet<number> | null): boolean {
  // What settles it for a form comes first and ends the search at its header, near the top: the
  // character in the text (an inline string), a marked shared string. Only a sheet that passes both
  // is searched whole for the ways of spelling them otherwise.
  if (xml.includes(TABLE_CHAR)) return false;
  if (marked !== null) {
    for (let at = xml.indexOf('t="s"'); at !== -1; at = xml.indexOf('t="s"', at)) {
      const v = xml.indexOf("<v>", at);
      if (v === -1) break;
      const end = xml.indexOf("</v>", v + 3);
      if (end === -1 || marked.has(indexIn(xml, v + 3, end))) return false;
      at = end;
    }
  }
  if (xml.includes("&#") || ESCAPE.test(xml)) return false;
  return marked === null || !(xml.includes(":v>") || ODD_VALUE.test(xml) || xml.includes("t='s'") || SPACED_T.test(xml));
}

/** The shared-string index a value element holds, read as the reader reads it (parseInt). */
function indexIn(xml: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return parseInt(xml.slice(from, to), 10);
    k = k * 10 + d;
  }
  return from === to ? NaN : k;
}
