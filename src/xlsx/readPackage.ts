import { parseA1, parseRange, rangeToA1, toA1 } from "../core/address";
import { validLayout, validSnapshot, type CellValue, type SheetLayout, type SheetSnapshot } from "../core/snapshot";
import { isDateFormat } from "../core/numberFormat";
import { CellSpans } from "./package/cellSpans";
import { slideBy, slideParts, type SlideParts } from "./sharedFormula";
import { printNamesOf, SheetLayoutReader } from "./package/layout";
import { readStyles } from "./package/stylesRead";
import { dateCell } from "./dates";
import { REL, sameType } from "./package/opc";
import { openWorkbook, stringItem, type OpenedWorkbook } from "./package/workbook";
import { forgetTexts } from "./package/xml";
import { ASCII_NAME, CLOSE, DONE, isNameEnd, OPEN, sameText, startTagEnd, XmlScanner } from "./package/xmlScan";
import { clipMerges, densestBox, MAX_SNAPSHOT_CELLS, type Box } from "./extent";
import { BLANK, COUNTS, DenseCells, OCCUPIED, SparseCells, type CellStore } from "./sheetCells";
import { WorkbookReadError } from "./sniff";
import { formFree, markedStrings } from "./formFree";
import { booleanOfText, CHECK_THE_CELL, damaged, DamagedCell, indexOfText, isBlankText, MAX_COL, MAX_ROW, numberOfText } from "./valueText";
import { TABLE_CHAR } from "../core/forms/columns";

/**
 * Reads an .xlsx into snapshots straight from its parts: only what a form needs (cell values, their
 * number formats, formulas, merges, protection, calcPr), in one pass over each sheet's XML. It is the
 * reader ExcelJS would be, cell for cell (test/xlsx/readPackage.test.ts holds every fixture to that),
 * at a fraction of the time and without loading ExcelJS at all: the command's cold start and its
 * hundred-workbook runs are mostly this. What it does not know (a part it cannot find, a shape it does
 * not expect) it does not guess: it throws, and the caller reads the file with ExcelJS instead.
 */

export class UnreadHere extends Error {}

/**
 * Built-in number formats (ECMA-376 Part 1 §18.8.30) as a Chinese (zh-CN) Excel shows them: the fixed
 * ids as ExcelJS maps them, and those whose format depends on the locale — the dates and times (14,
 * 22, 27–36, 50–58), currency (5–8) and 会计专用 (41–44) — as LibreOffice's zh_CN table and Chinese
 * Excel's own styles give them. A Chinese Excel or WPS writes 2023年12月31日 as id 31 without declaring
 * its code; ExcelJS leaves those ids General, so a date so formatted was read as the number 45291 and
 * an amount in 会计专用 was quoted as 1234.5, not as the form shows it. Id 14 is yyyy/m/d, what a
 * Chinese Excel shows (2023/12/31), where LibreOffice's zh_CN shows 2023-12-31.
 */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  // Currency: a zh-CN Excel writes ¥ where an English one writes $ (LibreOffice's zh_CN table).
  5: '"¥"#,##0;"¥"-#,##0',
  6: '"¥"#,##0;[Red]"¥"-#,##0',
  7: '"¥"#,##0.00;"¥"-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  // A Chinese Excel's short date, and with the time.
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  // 会计专用 (accounting), as a Chinese Excel's 千位分隔 and 货币 cell styles have them.
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A serial number as ExcelJS turns it into a date (to the millisecond), and back as the snapshot holds it, with the text its format shows. */
const dateOf = (v: number, date1904: boolean, format: string | undefined) => dateCell(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)), format);

interface SheetCells {
  cells: CellStore;
  merges: string[];
  protected: boolean;
  layout: SheetLayoutReader;
  /** Where its rows and cells stand in the part's text, when asked for (a fill's). */
  spans: CellSpans | null;
}

/** What a `<c>` element holds, read from its children. One is filled again for each cell (no object per cell). */
interface CellXml {
  ref: string | undefined;
  /** The reference's row and column when read straight from the start tag (plainAttrs); 0 otherwise. */
  refRow: number;
  refCol: number;
  /** Where a plain `<v>` value stands in the document (plainValue), not yet sliced; vTo 0 otherwise. */
  vFrom: number;
  vTo: number;
  style: number | undefined;
  t: string | undefined;
  formula: string | null;
  fType: string | undefined;
  si: string | undefined;
  fRef: string | undefined;
  v: string | undefined;
  inline: string | undefined;
}

const newCellXml = (): CellXml => ({ ref: undefined, refRow: 0, refCol: 0, vFrom: 0, vTo: 0, style: undefined, t: undefined, formula: null, fType: undefined, si: undefined, fRef: undefined, v: undefined, inline: undefined });

/**
 * The value of a `<c>` written as most are, `<v>text</v></c>` right after its start tag, with no
 * reference to decode: read straight from the document, the cursor moved past `</c>`. Anything else
 * (a formula, an inline string, white space, a prefix, `&…;`) is undefined, for cellXml to read.
 * test/xlsx/cellFastPath.test.ts holds the two equal over generated cells.
 */
function plainValue(sc: XmlScanner, cell: CellXml): boolean {
  if (sc.selfClosing || sc.qname !== "c") return false;
  const xml = sc.source;
  const at = sc.end;
  const lt = plainValueEnd(xml, at);
  if (lt < 0) return false;
  sc.closeAt(lt + 8);
  // Left in place: a number or a shared string's index is read from the characters, no string made.
  cell.vFrom = at + 3;
  cell.vTo = lt;
  return true;
}

/** The rest of a cell at `at`: `</c>`, or `<v>text</v></c>` (its text's place put in `cell`); where the cell ends, or -1 for anything else. */
function plainValueOrNone(xml: string, at: number, cell: CellXml): number {
  if (xml.startsWith("</c>", at)) return at + 4;
  const lt = plainValueEnd(xml, at);
  if (lt < 0) return -1;
  cell.vFrom = at + 3;
  cell.vTo = lt;
  return lt + 8;
}

/**
 * `<v>text</v></c>` at `at`, its text holding nothing the scanner would read otherwise than as written
 * (a reference `&…;`, a `>` that may close `]]>`, a carriage return, which XML reads as a line feed):
 * where its `</v>` stands; -1 for anything else.
 */
function plainValueEnd(xml: string, at: number): number {
  if (!xml.startsWith("<v>", at)) return -1;
  const lt = xml.indexOf("<", at + 3);
  if (lt < 0 || !xml.startsWith("</v></c>", lt)) return -1;
  for (let k = at + 3; k < lt; k++) {
    const c = xml.charCodeAt(k);
    if (c === 38 /* & */ || c === 62 /* > */ || c === 13) return -1;
  }
  return lt;
}

/** Where a formula's text starts after its start tag at `at`, written `<f>` or as LibreOffice writes it (`aca`, which the reader does not use); -1 for any other. */
function plainFormulaStart(xml: string, at: number): number {
  if (xml.startsWith("<f>", at)) return at + 3;
  if (xml.startsWith(LIBREOFFICE_FORMULA, at)) return at + LIBREOFFICE_FORMULA.length;
  return -1;
}

const LIBREOFFICE_FORMULA = '<f aca="false">';

/**
 * A formula's text at `at` up to its `</f>`, where it holds nothing the scanner would read otherwise
 * than as written (a reference `&…;`, a `>` that may close `]]>`, a character below a space other than
 * a tab or a line feed): where its `</f>` stands; -1 for anything else, for the scanner.
 */
function plainFormulaEnd(xml: string, at: number): number {
  const lt = xml.indexOf("<", at);
  if (lt < 0 || !xml.startsWith("</f>", lt)) return -1;
  for (let k = at; k < lt; k++) {
    const c = xml.charCodeAt(k);
    if (c === 38 /* & */ || c === 62 /* > */ || (c < 32 && c !== 9 && c !== 10)) return -1;
  }
  return lt;
}

/** The attributes of a `<row>` the reader uses. */
const ROW_ATTRS = ["r", "ht", "customHeight", "hidden"] as const;

/** How Excel starts a shared formula's dependent (its `si` and `"/>` follow). */
const SHARED_DEPENDENT = '<f t="shared" si="';

/** 10^k, exact for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain value written as most are (`42`, `-0.95`, `1234.5`: an optional minus, digits, an optional
 * fraction, at most 15 digits in all) read from the characters; NaN for anything else, for parseFloat.
 * Its digits as an integer and 10^k are exact doubles, and one division rounds their exact quotient
 * correctly: the same double parseFloat gives (test/xlsx/cellFastPath.test.ts holds them equal).
 */
function plainNumber(xml: string, from: number, to: number): number {
  let i = from;
  const negative = xml.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 /* . */ && fraction < 0 && digits > 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -value : value;
}

/** A shared string's index written as digits only (at most 9); -1 for anything else, for parseInt. */
function plainIndex(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The cell types a `t` attribute takes (ECMA-376 ST_CellType), each one string however often it is read. */
const CELL_TYPES = new Map(["s", "str", "n", "b", "e", "inlineStr", "d"].map((t) => [t, t]));

/**
 * A cell's `r`, `s` and `t` read straight from its start tag when it is written as writers write it:
 * `name="value"` (either quote, no space around `=`), `s` digits, `t` a type the schema names, no `&`,
 * tab or line break in any value, each once and after white space. False for anything else (another
 * attribute, a name written twice), the tag then read whole by the scanner, which refuses what XML
 * refuses (test/xlsx/cellFastPath.test.ts holds the two equal).
 */
function plainAttrs(xml: string, from: number, to: number, cell: CellXml): boolean {
  let j = from;
  let sawR = false;
  let sawS = false;
  let sawT = false;
  while (j < to) {
    let c = xml.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      j++;
      continue;
    }
    const nameStart = j;
    while (j < to && (c = xml.charCodeAt(j)) !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13) j++;
    if (j >= to || c !== 61) return false;
    const nameLen = j - nameStart;
    const q = xml.charCodeAt(j + 1);
    if (q !== 34 && q !== 39) return false;
    const start = j + 2;
    const close = xml.indexOf(q === 34 ? '"' : "'", start);
    if (close < 0 || close > to) return false;
    j = close + 1;
    if (j < to && !isSpaceCode(xml.charCodeAt(j))) return false;
    // A reference to decode, or white space the scanner would normalise, is left to it (looked for
    // within the value only: indexOf would search on to the end of the sheet, for every attribute).
    for (let k = start; k < close; k++) {
      const ch = xml.charCodeAt(k);
      if (ch === 38 /* & */ || ch === 9 || ch === 10 || ch === 13) return false;
    }
    if (nameLen !== 1) return false;
    const name = xml.charCodeAt(nameStart);
    if (name === 114 /* r */) {
      if (sawR) return false;
      sawR = true;
      if (!plainRef(xml, start, close, cell)) cell.ref = xml.slice(start, close);
    } else if (name === 115 /* s */) {
      if (sawS) return false;
      sawS = true;
      if (close === start || close - start > 9) return false;
      let style = 0;
      for (let k = start; k < close; k++) {
        const d = xml.charCodeAt(k);
        if (d < 48 || d > 57) return false;
        style = style * 10 + (d - 48);
      }
      cell.style = style;
    } else if (name === 116 /* t */) {
      if (sawT) return false;
      sawT = true;
      // Only the types the schema names: anything else (white space the scanner would normalise) is left to it.
      const t = CELL_TYPES.get(xml.slice(start, close));
      if (t === undefined) return false;
      cell.t = t;
    } else return false;
  }
  return true;
}

/**
 * A reference written as most are (one to three capitals, then digits without a leading zero), read
 * from the characters from..to into refRow and refCol, with no string made; false for anything else
 * (parseA1 reads it then, or refuses it).
 */
function plainRef(xml: string, from: number, to: number, cell: { refRow: number; refCol: number }): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - from;
  if (letters === 0 || letters > 3 || i === to || xml.charCodeAt(i) === 48) return false;
  let row = 0;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  cell.refRow = row;
  cell.refCol = col;
  return true;
}

function resetCell(cell: CellXml): void {
  cell.ref = undefined;
  cell.refRow = 0;
  cell.refCol = 0;
  cell.vFrom = 0;
  cell.vTo = 0;
  cell.style = undefined;
  cell.t = undefined;
  cell.formula = null;
  cell.fType = undefined;
  cell.si = undefined;
  cell.fRef = undefined;
  cell.v = undefined;
  cell.inline = undefined;
}

/**
 * A cell written as most are, read where the scanner stands without its tokens (the reader's hot
 * path: a 5,000-row sheet has 40,000 cells): a `<c` start tag whose attributes plainAttrs takes, then
 * nothing (`<c …/>`, `<c …></c>`) or one plain `<v>…</v>`, as plainValue takes it. The scanner is
 * moved past its end tag, onto its CLOSE. False for anything else, the scanner where it was, for its
 * next() and cellXml to read as they read any cell (or refuse it). test/xlsx/cellFastPath.test.ts
 * holds the sheets read both ways equal.
 */
function plainCell(sc: XmlScanner, cell: CellXml): boolean {
  const i = sc.at;
  if (i < 0) return false;
  const xml = sc.source;
  if (xml.charCodeAt(i) !== 60 /* < */ || xml.charCodeAt(i + 1) !== 99 /* c */) return false;
  if (!isNameEnd(xml.charCodeAt(i + 2))) return false;
  // The start tag's end as the scanner finds it (one it would refuse is left to it, to refuse).
  const n = sc.limit;
  const j = startTagEnd(xml, i + 2, n);
  if (j < 0) return false;
  const selfClosing = xml.charCodeAt(j - 1) === 47 /* / */ && j - 1 >= i + 2;
  resetCell(cell);
  if (!plainAttrs(xml, i + 2, selfClosing ? j - 1 : j, cell)) return false;
  let end: number;
  if (selfClosing) end = j + 1;
  else if (xml.charCodeAt(j + 2) === 102 /* f */) {
    // A formula written plainly, `<f>text</f>` (LibreOffice: `<f aca="false">`), or a dependent of a
    // shared one as Excel writes it, `<f t="shared" si="0"/>`; then its result or none (a writer that never calculates).
    const from = plainFormulaStart(xml, j + 1);
    let after: number;
    if (from > 0) {
      const f = plainFormulaEnd(xml, from);
      if (f < 0) return false;
      if (f > from) cell.formula = xml.slice(from, f);
      after = f + 4;
    } else if (xml.startsWith(SHARED_DEPENDENT, j + 1)) {
      const si = j + 1 + SHARED_DEPENDENT.length;
      let k = si;
      while (k < n && xml.charCodeAt(k) >= 48 && xml.charCodeAt(k) <= 57) k++;
      if (k === si || k - si > 9 || !xml.startsWith('"/>', k)) return false;
      cell.fType = "shared";
      cell.si = xml.slice(si, k);
      after = k + 3;
    } else return false;
    end = plainValueOrNone(xml, after, cell);
    if (end < 0) return false;
  } else {
    end = plainValueOrNone(xml, j + 1, cell);
    if (end < 0) return false;
  }
  if (end > n) return false;
  sc.readOver("c", i, end);
  return true;
}

/**
 * A self-closing `<row …/>` where the scanner stands, read straight from the document as attrsInto
 * reads a row's attributes (r, ht, customHeight, hidden into `out`): the scanner moved over it, onto
 * its CLOSE. False — the scanner where it was, for its next() and attrsInto to read (or refuse) — for
 * anything else: a row with cells, a prefixed name, a value holding a reference or white space to
 * normalise, an attribute not written `name="value"` after white space, a name that is not one or is
 * written twice. A sheet whose rows below its form were given a height lists thousands of these; each
 * was two tokens and two walks over its tag. test/xlsx/rowFastPath.test.ts holds the rows read both
 * ways equal.
 */
function plainEmptyRow(sc: XmlScanner, out: Array<string | undefined>): boolean {
  const i = sc.at;
  if (i < 0) return false;
  const xml = sc.source;
  if (!xml.startsWith("<row", i) || !isNameEnd(xml.charCodeAt(i + 4))) return false;
  const limit = sc.limit;
  out.fill(undefined);
  // Where its number ends when the tag begins `<row r="digits"`: the rows below a form repeat one tag
  // but for their number, and a tag whose rest is the last one read so is read as that one was.
  let numberEnd = -1;
  if (xml.startsWith(ROW_NUMBERED, i)) {
    let d = i + ROW_NUMBERED.length;
    while (d < limit && xml.charCodeAt(d) >= 48 && xml.charCodeAt(d) <= 57) d++;
    if (d > i + ROW_NUMBERED.length && xml.charCodeAt(d) === 34) numberEnd = d;
  }
  if (numberEnd > 0 && lastRowRest !== "" && numberEnd + 1 + lastRowRest.length <= limit && xml.startsWith(lastRowRest, numberEnd + 1)) {
    out[0] = xml.slice(i + ROW_NUMBERED.length, numberEnd);
    out[1] = lastRowRead[0];
    out[2] = lastRowRead[1];
    out[3] = lastRowRead[2];
    sc.readOver("row", i, numberEnd + 1 + lastRowRest.length);
    return true;
  }
  // One walk over the tag, its attributes read as they come, to its `/>` (a `>` first: a row with cells).
  let seen = 0;
  let p = i + 4;
  for (;;) {
    while (p < limit && isSpaceCode(xml.charCodeAt(p))) p++;
    if (p >= limit) return false;
    const first = xml.charCodeAt(p);
    if (first === 47 /* / */) {
      if (xml.charCodeAt(p + 1) !== 62 /* > */ || p + 2 > limit) return false;
      sc.readOver("row", i, p + 2);
      if (numberEnd > 0) {
        // Its rest, checked whole here (its names each once, r among them only first), for the rows after it.
        lastRowRest = xml.slice(numberEnd + 1, p + 2);
        lastRowRead[0] = out[1];
        lastRowRead[1] = out[2];
        lastRowRead[2] = out[3];
      }
      return true;
    }
    if (first === 62 || first === 60) return false;
    // A name of ASCII name characters (one past ASCII is left to the scanner), not begun with one that only continues a name.
    const nameStart = p;
    if (first >= 128 || ASCII_NAME[first] !== 1) return false;
    // Its hash too, so that telling it from the names before (a row names six, two pairs of one length) compares numbers.
    let hash = first;
    for (p++; p < limit; p++) {
      const ch = xml.charCodeAt(p);
      if (ch === 61 /* = */ || isSpaceCode(ch)) break;
      if (ch >= 128 || ASCII_NAME[ch] === 0) return false;
      hash = (hash * 31 + ch) | 0;
    }
    const nameEnd = p;
    if (seen === ROW_NAMES_KEPT) return false;
    const len = nameEnd - nameStart;
    for (let k = 0; k < seen; k++) if (rowNameHash[k] === hash && rowNameLength[k] === len && sameText(xml, rowNameStart[k], nameStart, len)) return false;
    rowNameStart[seen] = nameStart;
    rowNameHash[seen] = hash;
    rowNameLength[seen++] = len;
    while (p < limit && isSpaceCode(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 61) return false;
    p++;
    while (p < limit && isSpaceCode(xml.charCodeAt(p))) p++;
    const q = xml.charCodeAt(p);
    if (q !== 34 && q !== 39) return false;
    const valueStart = p + 1;
    let close = valueStart;
    for (; close < limit; close++) {
      const ch = xml.charCodeAt(close);
      if (ch === q) break;
      if (ch === 38 /* & */ || ch === 60 /* < */ || ch === 9 || ch === 10 || ch === 13) return false;
    }
    if (close >= limit) return false;
    const after = xml.charCodeAt(close + 1);
    if (after !== 47 /* / */ && !isSpaceCode(after)) return false;
    const k =
      len === 1 && xml.charCodeAt(nameStart) === 114 /* r */
        ? 0
        : len === 2 && xml.startsWith("ht", nameStart)
          ? 1
          : len === 12 && xml.startsWith("customHeight", nameStart)
            ? 2
            : len === 6 && xml.startsWith("hidden", nameStart)
              ? 3
              : -1;
    if (k >= 0) out[k] = xml.slice(valueStart, close);
    p = close + 1;
  }
}

const ROW_NUMBERED = '<row r="';
/** The rest of the last row tag plainEmptyRow read whole that began `<row r="digits"` (past the number's quote), and what it read of it: ht, customHeight, hidden. */
let lastRowRest = "";
const lastRowRead: Array<string | undefined> = [undefined, undefined, undefined];

/** The names of the row plainEmptyRow reads, as far as it keeps them (a row with more is left to the scanner). */
const ROW_NAMES_KEPT = 16;
const rowNameStart = new Int32Array(ROW_NAMES_KEPT);
const rowNameLength = new Int32Array(ROW_NAMES_KEPT);
const rowNameHash = new Int32Array(ROW_NAMES_KEPT);

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The children of a `<c>`, the cursor on its start tag, read into `cell`; leaves the cursor on its end tag. */
function cellXml(sc: XmlScanner, cell: CellXml): void {
  resetCell(cell);
  if (!plainAttrs(sc.source, sc.attrStart, sc.attrEnd, cell)) {
    // Whatever the quick read set before it gave up is read again, here.
    cell.refRow = 0;
    cell.refCol = 0;
    let s: string | undefined;
    let ref: string | undefined;
    let t: string | undefined;
    sc.eachAttr((name, value) => {
      if (name === "r") ref ??= value;
      else if (name === "s") s ??= value;
      else if (name === "t") t ??= value;
    });
    cell.ref = ref;
    cell.style = s === undefined ? undefined : parseInt(s, 10);
    cell.t = t;
  }
  if (sc.selfClosing) {
    sc.next();
    return;
  }
  if (plainValue(sc, cell)) return;
  const depth = sc.path.length;
  while (sc.next() !== DONE) {
    if (sc.kind === CLOSE && sc.path.length < depth) break;
    if (sc.kind !== OPEN) continue;
    // Only the cell's own children: a <v> or <f> inside an extension is not the cell's.
    if (sc.path.length !== depth + 1) {
      sc.skipElement();
      continue;
    }
    if (sc.name === "f") {
      cell.fType = sc.attr("t");
      cell.si = sc.attr("si");
      cell.fRef = sc.attr("ref");
      const text = sc.textContent();
      if (text !== "") cell.formula = text;
    } else if (sc.name === "v") cell.v = sc.textContent();
    else if (sc.name === "is") cell.inline = stringItem(sc);
    else sc.skipElement();
  }
}

/** An ISO 8601 date of a `t="d"` cell (ECMA-376 §18.18.11) as Excel's serial number, or NaN. */
function isoSerial(v: string, date1904: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/.exec(v.trim());
  if (!m) {
    const t = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(v.trim());
    return t ? (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86_400 : NaN;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  return ms / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

/**
 * A number cell's value: a date where its type or its format says so (ISO text for `t="d"`), else the
 * number; null for none; undefined for a text that is no number (or no date), for the caller to refuse.
 */
function numberValue(text: string, iso: boolean, dated: boolean, date1904: boolean, format: string | undefined): { value: CellValue; dateText?: string } | undefined {
  let n: number | null | undefined;
  if (!iso) n = numberOfText(text);
  else if (isBlankText(text)) n = null;
  else {
    n = isoSerial(text, date1904);
    if (Number.isNaN(n)) n = undefined;
  }
  if (n === undefined) return undefined;
  if (!dated || n === null) return { value: n };
  const d = dateOf(n, date1904, format);
  return { value: d.value, dateText: d.text };
}

/**
 * A stored value of a shared string, a boolean or a number (a date by its type or format) as its type
 * says, or the cell refused as damaged (valueText.ts): never a guess at what is not of its type.
 */
function typedValue(v: string, t: string | undefined, dated: boolean, date1904: boolean, format: string | undefined, strings: string[], cell: string): CellValue | { value: CellValue; dateText?: string } {
  if (t === "s") {
    const k = indexOfText(v);
    if (k === undefined) throw damaged.value(cell, "index", v);
    if (k === null) return null;
    const s = strings[k];
    if (s === undefined) throw damaged.missingString(cell, k, strings.length);
    return s;
  }
  if (t === "b") {
    const b = booleanOfText(v);
    if (b === undefined) throw damaged.value(cell, "boolean", v);
    return b;
  }
  if (t !== undefined && t !== "n" && t !== "d") throw damaged.type(cell, t);
  const read = numberValue(v, t === "d", dated, date1904, format);
  if (read === undefined) throw damaged.value(cell, t === "d" ? "date" : "number", v);
  return read;
}

/**
 * A cell reference as written in `r` (`B12`) into `at`, read without a regular expression where it is
 * written so; else letters (any case) and digits. Anything else (`$B$2`, ` B2`, `B`) is no reference:
 * LibreOffice drops such a cell, so it is refused, not read where parseA1 would guess it stands.
 */
function readRef(ref: string, at: { row: number; col: number }): void {
  if (plainRef(ref, 0, ref.length, REF)) {
    at.row = REF.refRow;
    at.col = REF.refCol;
    return;
  }
  if (!LOOSE_REF.test(ref)) throw damaged.reference(ref);
  const p = parseA1(ref.toUpperCase());
  at.row = p.row;
  at.col = p.col;
}

const LOOSE_REF = /^[A-Za-z]{1,3}\d{1,7}$/;

/** A cell whose place is not in its row, or beyond the sheet: which of the two, to refuse it. */
function misplaced(ref: string, at: { row: number; col: number }, row: number): DamagedCell {
  return at.row < 1 || at.row > MAX_ROW || at.col > MAX_COL ? damaged.beyond(ref) : damaged.otherRow(ref, row);
}

/** Where readRef has plainRef put a reference it reads. */
const REF = { refRow: 0, refCol: 0 };

/** One pass over a worksheet's XML as a parser reads it: its cells (into `cells`), merges and protection; null where the store refused a cell. */
function readSheetXml(
  xml: string,
  strings: string[],
  formats: Array<string | undefined>,
  date1904: boolean,
  layout: SheetLayoutReader,
  cells: CellStore,
  spans: CellSpans | null,
): SheetCells | null {
  const dateStyle = formats.map(isDateFormat);
  const at = { row: 0, col: 0 };
  // Each shared formula's master: its pieces cut at the first dependent.
  const shared = new Map<string, { formula: string; at: { row: number; col: number }; parts: SlideParts | null }>();
  // Where attrsInto puts each row's attributes (one array for the sheet's rows).
  const rowAttrs: Array<string | undefined> = [undefined, undefined, undefined, undefined];
  const merges: string[] = [];
  let isProtected = false;
  let sawData = false;
  let rowNumber = 0;
  let colNumber = 0;
  const c = newCellXml();
  const sc = new XmlScanner(xml);
  /** The scanner stands inside a row of sheetData, between its cells. */
  let inRow = false;
  /**
   * A row's start, its attributes in rowAttrs (read by the scanner, or straight from the document):
   * its number, its height. False where the store takes no row of that number.
   */
  const beginRow = (): boolean => {
    const [r, ht, custom, hidden] = rowAttrs;
    rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
    if (!(rowNumber >= 1)) throw damaged.row(r ?? "");
    if (rowNumber > MAX_ROW) throw damaged.rowBeyond(rowNumber);
    colNumber = 0;
    // A row not after the last one: the dense store refuses it (read again cell by cell), the sparse one a row written twice.
    if (!cells.startRow(rowNumber)) return false;
    if (ht !== undefined || hidden !== undefined) layout.row(rowNumber, ht, custom, hidden);
    return true;
  };
  for (;;) {
    let cellStart: number;
    if (inRow && plainCell(sc, c)) cellStart = sc.start;
    else if (!inRow && spans === null && sc.path.length === 2 && sc.path[1] === "sheetData" && plainEmptyRow(sc, rowAttrs)) {
      // A row with no cells, read straight from the document (a fill's reading, which notes where each
      // row stands, takes the scanner's way below).
      if (!beginRow()) return null;
      continue;
    } else {
      if (sc.next() === DONE) break;
      if (sc.kind !== OPEN) {
        if (sc.kind === CLOSE && sc.path.length < 3) inRow = false;
        if (spans !== null && sc.kind === CLOSE) {
          if (sc.path.length === 2 && sc.name === "row" && sc.path[1] === "sheetData") spans.rowClosed(sc);
          else if (sc.path.length <= 1) {
            if (sc.name === "sheetData" && sc.path.length === 1) spans.dataClosed(sc);
            spans.closed(sc, sc.path.length + 1);
          }
        }
        continue;
      }
      const depth = sc.path.length;
      if (depth === 1) {
        if (sc.name !== "worksheet") throw new UnreadHere("no worksheet element");
        spans?.opened(sc, 1);
        continue;
      }
      const parent = sc.path[depth - 2];
      if (depth === 2) {
        spans?.opened(sc, 2);
        if (sc.name === "sheetData") {
          sawData = true;
          spans?.data(sc);
          continue;
        }
        if (sc.name === "mergeCells" || sc.name === "cols" || sc.name === "sheetPr") continue;
        if (sc.name === "sheetProtection") {
          const v = sc.attr("sheet");
          isProtected = v === "1" || v === "true";
        } else if (sc.name === "sheetFormatPr" || sc.name === "pageMargins" || sc.name === "pageSetup") layout.element(sc.name, attrsOf(sc));
        // Anything else at the top (an extension list, the sheet's views) is stepped over whole.
        sc.skipElement();
        spans?.closed(sc, 2);
        continue;
      }
      if (depth === 3 && parent === "mergeCells") {
        const ref = sc.name === "mergeCell" ? sc.attr("ref") : undefined;
        if (ref) merges.push(rangeToA1(parseRange(ref)));
        sc.skipElement();
        continue;
      }
      if (depth === 3 && (parent === "cols" || parent === "sheetPr")) {
        if (sc.name === "col" || sc.name === "pageSetUpPr") layout.element(sc.name, attrsOf(sc));
        sc.skipElement();
        continue;
      }
      if (depth === 3 && parent === "sheetData" && sc.name === "row") {
        sc.attrsInto(ROW_ATTRS, rowAttrs);
        if (!beginRow()) return null;
        spans?.row(sc, rowAttrs[0], rowNumber);
        inRow = !sc.selfClosing;
        continue;
      }
      if (!(depth === 4 && parent === "row" && sc.path[1] === "sheetData" && sc.name === "c")) {
        sc.skipElement();
        continue;
      }
      cellStart = sc.start;
      cellXml(sc, c);
    }
    if (c.refCol !== 0) {
      at.row = c.refRow;
      at.col = c.refCol;
    } else if (c.ref === undefined) {
      at.row = rowNumber;
      at.col = colNumber + 1;
    } else readRef(c.ref, at);
    // A cell stands in its row (LibreOffice places one naming another row there, ExcelJS in its row) and within the sheet.
    if (at.row !== rowNumber || at.col > MAX_COL) throw misplaced(c.ref ?? toA1(at.row, at.col), at, rowNumber);
    // A reference read otherwise than plainly the fill's edit might read otherwise too: noted as such.
    spans?.cell(cellStart, sc.end, c.refCol !== 0 || c.ref === undefined ? at.col : 0);
    // A cell is at the column its reference names, in its row (a reference naming another row was
    // refused above).
    colNumber = at.col;
    const row = rowNumber;
    const { style, t } = c;
    const dated = t === "d" || (style !== undefined && dateStyle[style] === true);
    // A plain value: a shared string's index or a number read where it stands, when written as most
    // are (else sliced, and read below as any other).
    let plain: CellValue | undefined;
    const isFormula = c.formula !== null || c.fType !== undefined;
    if (c.vTo !== 0) {
      // Only a value is read where it stands: a formula's result is sliced, and read below as its type says.
      if (!isFormula && t === "s") {
        const k = plainIndex(xml, c.vFrom, c.vTo);
        // An index past the table is left to typedValue, which refuses it.
        if (k >= 0) plain = strings[k];
      } else if (!isFormula && (t === undefined || t === "n") && !dated) {
        const n = plainNumber(xml, c.vFrom, c.vTo);
        if (!Number.isNaN(n)) plain = n;
      }
      if (plain === undefined) c.v = xml.slice(c.vFrom, c.vTo);
    }
    const v = c.v;
    let formula = c.formula;
    if (isFormula) {
      if (c.fType === "shared" && c.si !== undefined) {
        if (c.fRef !== undefined && formula !== null) shared.set(c.si, { formula, at: { row: at.row, col: at.col }, parts: null });
        else if (formula === null) {
          const master = shared.get(c.si);
          if (!master) throw new UnreadHere("a shared formula before its master");
          master.parts ??= slideParts(master.formula);
          formula = slideBy(master.parts, at.row - master.at.row, at.col - master.at.col);
        }
      }
      let result: CellValue = null;
      let dateText: string | undefined;
      if (v !== undefined && v !== "") {
        if (t === "str") result = v;
        else if (t === "e") result = v;
        // A result that is not of its type (`<v>a&amp;b</v>`, `1,000`) is no result: the engine computes
        // the formula again, or says it could not (formula-unchecked), as for a file stored without results.
        else if (t === "b") result = booleanOfText(v) ?? null;
        else {
          const read = numberValue(v, t === "d", dated, date1904, style === undefined ? undefined : formats[style]);
          if (read !== undefined) ({ value: result, dateText } = read);
        }
      }
      if (!cells.put(row, at.col, result === "" ? null : result, formula === null ? null : `=${formula}`, style, COUNTS | OCCUPIED, dateText)) return null;
    } else if (plain !== undefined || v !== undefined || c.inline !== undefined) {
      let value: CellValue;
      let dateText: string | undefined;
      if (plain !== undefined) value = plain;
      else if (t === "str") value = v ?? "";
      else if (t === "inlineStr") value = c.inline ?? v ?? "";
      else if (t === "e") value = v ?? "";
      else {
        const read = typedValue(v ?? "", t, dated, date1904, style === undefined ? undefined : formats[style], strings, toA1(row, at.col));
        if (read !== null && typeof read === "object") ({ value, dateText } = read);
        else value = read;
      }
      if (!cells.put(row, at.col, value === "" ? null : value, null, style, COUNTS | OCCUPIED, dateText)) return null;
      if (typeof value === "string" && value !== "" && layout.wrapsStyle(style)) layout.wrapped.push(toA1(row, at.col));
    } else if (style) {
      // ExcelJS: a styled empty cell is "null": outside the extent, its format kept.
      if (!cells.put(row, at.col, null, null, style, BLANK)) return null;
    }
    // An empty cell without a style (or with style 0) ExcelJS does not keep at all (Row's model setter).
  }
  if (!sawData) throw new UnreadHere("no sheetData");
  return { cells, merges, protected: isProtected, layout, spans };
}

function attrsOf(sc: XmlScanner): Record<string, string> {
  const out: Record<string, string> = {};
  sc.eachAttr((name, value) => {
    out[name] ??= value;
  });
  return out;
}

/**
 * Merged areas as ExcelJS keeps them: the master keeps its cell, every other cell becomes an empty one
 * (keeping its style) that counts towards the extent. Overlapping merges make ExcelJS refuse the file;
 * that refusal, in its words, is left to it. Returns the areas, read.
 */
function mergeAreas(merges: string[]): Box[] {
  const taken = new Set<number>();
  const areas: Box[] = [];
  for (const m of merges) {
    const r = parseRange(m);
    // A merged area over a million cells is no form's: said so, never handed to ExcelJS, which would
    // build every one of its cells (minutes, gigabytes) before saying anything.
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_SNAPSHOT_CELLS) {
      throw new WorkbookReadError(
        `工作表过大或结构异常：合并单元格 ${m} 覆盖超过一百万个单元格，无法读取。`,
        `The sheet is too large or malformed: the merged area ${m} covers more than a million cells and cannot be read.`,
      );
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const key = row * 16_384 + col;
        if (taken.has(key)) throw new UnreadHere("overlapping merges");
        taken.add(key);
      }
    }
    areas.push(r);
  }
  return areas;
}

/** The box around a merged area's cells other than its master (null: a single cell). */
function coveredBox(a: Box): Box | null {
  if (a.top === a.bottom && a.left === a.right) return null;
  // A single row's covered cells are right of the master; a single column's, below it.
  if (a.top === a.bottom) return { ...a, left: a.left + 1 };
  if (a.left === a.right) return { ...a, top: a.top + 1 };
  return a;
}

/** The sheet's extent as ExcelJS has it: its cells other than styled empty ones, and its merged areas. */
function extent(cells: CellStore, areas: Box[]): Box | null {
  let box = cells.extent();
  for (const a of areas) {
    const b = coveredBox(a);
    if (!b) continue;
    box = box ? { top: Math.min(box.top, b.top), left: Math.min(box.left, b.left), bottom: Math.max(box.bottom, b.bottom), right: Math.max(box.right, b.right) } : b;
  }
  return box;
}

const tooLarge = (box: Box | null) => box !== null && (box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_SNAPSHOT_CELLS;

function snapshot(name: string, read: SheetCells & { areas: Box[] }, recalc: boolean, layout: SheetLayout): SheetSnapshot {
  const flags = { protected: read.protected, ...(recalc ? { recalculatesOnLoad: true } : {}), layout };
  const { cells, areas } = read;
  let merges = read.merges;
  let box = extent(cells, areas);
  if (tooLarge(box)) {
    box = densestBox(cells.occupied(), name);
    if (box) merges = clipMerges(merges, box);
  }
  withRowsUpTo(layout, box ? box.bottom : 0, merges);
  if (!box) return { name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges, ...flags };
  const { top, left, bottom, right } = box;
  const { values, text, numberFormats, formulas } = cells.grids(box);
  // A merged area's cells other than its master read empty, each in its own format.
  for (const a of areas) {
    for (let row = Math.max(a.top, top); row <= Math.min(a.bottom, bottom); row++) {
      for (let col = Math.max(a.left, left); col <= Math.min(a.right, right); col++) {
        if (row === a.top && col === a.left) continue;
        values[row - top][col - left] = null;
        formulas[row - top][col - left] = null;
        text[row - top][col - left] = "";
      }
    }
  }
  return { name, origin: { row: top, col: left }, values, text, numberFormats, formulas, merges, ...flags };
}

/**
 * The layout's rows past the last a reading can look at — the sheet's last read row, or a merged
 * area's bottom below it — let go: nothing measures a row there (the printed table ends at the
 * form's last row). A sheet whose rows were formatted far below its form (a height set on thousands
 * of empty rows, as Excel and LibreOffice write a whole-column format) listed each of them, and each
 * reading of the sheet made a map of them; the Excel host reads the used range's rows alike.
 */
function withRowsUpTo(layout: SheetLayout, bottom: number, merges: readonly string[]): void {
  let last = bottom;
  for (const m of merges) last = Math.max(last, parseRange(m).bottom);
  const rows = layout.rows;
  if (!rows.some((r) => r.row > last)) return;
  layout.rows = rows.filter((r) => r.row <= last);
}

/** The sheets of an .xlsx package, as snapshots; UnreadHere for what this reader leaves to ExcelJS. */
export async function readPackageSnapshots(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  let book: OpenedWorkbook;
  try {
    book = await openWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new UnreadHere(`package: ${(e as Error).message}`);
  }
  return readWorkbookSnapshots(book);
}

/** A cell refused as damaged (valueText.ts), said with its sheet and what to do. */
function damagedSheet(sheet: string, cell: DamagedCell): WorkbookReadError {
  return new WorkbookReadError(
    `工作簿已损坏：工作表「${sheet}」${cell.zh}。各程序对这样的内容读法不一（或报告文件有问题），无法可靠读取。${CHECK_THE_CELL.zh}`,
    `The workbook is damaged: in sheet "${sheet}", ${cell.en}. Programs read this differently (or report a problem with the file), so it cannot be read reliably. ${CHECK_THE_CELL.en}`,
  );
}

/** An empty worksheet: what a sheet that can hold no form is read as. */
const NO_CELLS = "<worksheet><sheetData/></worksheet>";

/**
 * Whether the scanner walks the text whole (well-formed, as far as the reader would find) with a
 * worksheet root holding sheetData: what a sheet not read cell by cell is still held to, so that a
 * damaged sheet is refused as before. Anything else is left to the reader, to fail as it fails.
 */
function walksAsWorksheet(xml: string): boolean {
  try {
    const sc = new XmlScanner(xml);
    let data = false;
    for (let k = sc.next(); k !== DONE; k = sc.next()) {
      if (k !== OPEN) continue;
      if (sc.path.length === 1 && sc.name !== "worksheet") return false;
      if (sc.path.length === 2 && sc.name === "sheetData") data = true;
    }
    return data;
  } catch {
    return false;
  }
}

/**
 * The sheets of an opened workbook, as snapshots (the workbook stays open for a fill to use). A sheet
 * that can hold no form (formFree: no cell of it could show the character every indicator table's
 * header holds) is walked but not read cell by cell, with `screen` (a check's reading: the sheet reads
 * as empty, as a sheet without a form, and is checked alike); without it every sheet is read whole, as
 * a snapshot of the sheet (test/xlsx/formFree.test.ts holds the two to the same results).
 */
export function readWorkbookSnapshots(book: OpenedWorkbook, { screen = false }: { screen?: boolean } = {}): SheetSnapshot[] {
  const { pkg } = book;
  let strings: string[];
  try {
    strings = book.sharedStrings();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new UnreadHere(`shared strings: ${(e as Error).message}`);
  }
  const stylesXml = book.stylesPart === undefined ? undefined : pkg.readNow(book.stylesPart);
  const styles = readStyles(stylesXml);
  if (styles.root !== null && book.stylesPart !== undefined) {
    book.walked.add(book.stylesPart);
    book.stylesRoot = { root: styles.root, children: styles.children };
  }
  const formats = styles.formatIds.map((id) => (id ? (styles.custom.get(id) ?? BUILT_IN[id]) : undefined));
  const styleLayout = { wraps: styles.wraps, fontSize: styles.fontSize };
  const printNames = printNamesOf(book.xml);
  const entries: Array<{ name: string; part: string; index: number }> = [];
  for (const [index, { name, rel }] of book.sheets.entries()) {
    // A sheet whose part lies outside the package (another file, a path above its root) cannot be read
    // by any program: said so, never read as a workbook without a form.
    if (rel && (rel.external || rel.outside)) {
      throw new WorkbookReadError(
        `工作簿已损坏：工作表「${name}」指向工作簿之外的文件（${rel.target}），无法读取。`,
        `The workbook is damaged: sheet "${name}" points outside the workbook (${rel.target}) and cannot be read.`,
      );
    }
    if (!rel) throw new UnreadHere("a sheet without its part");
    if (!sameType(rel.type, REL.worksheet)) throw new UnreadHere("a sheet that is not a worksheet");
    entries.push({ name, part: rel.target, index });
  }
  const read: Array<{ name: string; sheet: SheetCells & { areas: Box[] }; index: number }> = [];
  let anyFormula = false;
  // A number shows through its format: where a format could show the character, every sheet is read.
  const screening = screen && !formats.some((f) => f !== undefined && f.includes(TABLE_CHAR));
  const marked = screening ? markedStrings(strings) : null;
  for (const e of entries) {
    const xml = pkg.readNow(e.part);
    if (xml === undefined) throw new UnreadHere("a worksheet part missing");
    // Its formulas go uncounted in anyFormula: that flag changes only how a sheet's own formulas are
    // computed, and a sheet that has any counts them itself.
    if (screening && formFree(xml, marked) && walksAsWorksheet(xml)) {
      const sheet = readSheetXml(NO_CELLS, strings, formats, book.date1904, new SheetLayoutReader(styleLayout), new DenseCells(formats), null)!;
      book.walked.add(e.part);
      read.push({ name: e.name, sheet: { ...sheet, areas: [] }, index: e.index });
      continue;
    }
    const readInto = (cells: CellStore) => {
      try {
        return readSheetXml(xml, strings, formats, book.date1904, new SheetLayoutReader(styleLayout), cells, book.cellSpans ? new CellSpans() : null);
      } catch (err) {
        throw err instanceof DamagedCell ? damagedSheet(e.name, err) : err;
      }
    };
    // Rows as arrays; a sheet not in order, too sparse for them, or to be read around its densest
    // cells, is read again cell by cell.
    let sheet = readInto(new DenseCells(formats));
    // The merges are the sheet's, whichever store its cells went to: read once.
    let areas: Box[] | null = sheet ? mergeAreas(sheet.merges) : null;
    if (sheet === null || areas === null || tooLarge(extent(sheet.cells, areas))) {
      sheet = readInto(new SparseCells(formats))!;
      areas ??= mergeAreas(sheet.merges);
    }
    book.walked.add(e.part);
    if (book.cellSpans && sheet.spans) book.cellSpans.set(e.part, sheet.spans);
    if (sheet.cells.anyFormula) anyFormula = true;
    read.push({ name: e.name, sheet: { ...sheet, areas }, index: e.index });
  }
  // The parts read through the span API (the workbook, its relationships, the styles) are not kept
  // once read: checking many workbooks holds none of them.
  forgetTexts();
  // As the ExcelJS reader: calcPr counts only where the workbook has formulas.
  return read.map((r) => {
    const layout = r.sheet.layout.layout(printNames.get(r.index) ?? { area: null, titleRows: null });
    const snap = snapshot(r.name, r.sheet, book.fullCalcOnLoad && anyFormula, layout);
    if (book.sheets[r.index].hidden) snap.hidden = true;
    // A layout this reader cannot vouch for is left out (no print check), never the sheet's cells with it.
    if (!validLayout(layout)) delete snap.layout;
    return validSnapshot(snap);
  });
}
