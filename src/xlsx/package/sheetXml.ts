import { columnOfA1, parseA1, parseRange, rangeToA1, toA1 } from "../../core/address";
import { isOwnFormula } from "../../core/plan";
import { fitCell } from "../../core/text";
import type { RowHeight } from "../../core/planTypes";
import type { CellSpans } from "./cellSpans";
import type { Styles } from "./styles";
import { CLOSE, DONE, OPEN, XmlScanner } from "./xmlScan";
import {
  attr,
  childrenOf,
  isKnownText,
  escapeAttr,
  escapeText,
  insertionPoint,
  opened,
  prefixOf,
  relIdOf,
  rootOf,
  splice,
  stepOver,
  textOf,
  withAttr,
  XmlShapeError,
  type Element,
  type Splice,
} from "./xml";

/** CT_Worksheet's children in the order ECMA-376 Part 1 (18.3.1.99) fixes. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

interface ValueWrite {
  cell: string;
  value: number | string;
  numberFormat?: string;
  wrap?: boolean;
}

/** A cell a write may land in, found by the walk: its element, and whether it holds nothing yet. */
interface CellFound {
  col: number;
  el: Element;
  /** What the cell holds, read as the walk met it: a formula, an inline string's text, a value's text. */
  hasFormula: boolean;
  inline: string | undefined;
  value: string | undefined;
}

/**
 * A row that takes writes: its element, its cells' columns and starts in document order (its own lists
 * when walked; when read from the reader's notes, its cells there, `from` to `to`), and each wanted
 * column's first cell.
 */
interface RowFound {
  el: Element;
  cols: number[];
  starts: number[];
  spans: CellSpans | null;
  from: number;
  to: number;
  /** A few at most (a row's written cells): looked through, no map made for each row. */
  wanted: CellFound[];
}

/** Where a cell at `col` goes in the row: before its first cell past that column, else at the row's content end. */
function insertAt(row: RowFound, col: number): number {
  const s = row.spans;
  if (s !== null) {
    for (let k = row.from; k < row.to; k++) if (s.cellCol(k) > col) return s.cellStart(k);
  } else {
    const cols = row.cols;
    for (let k = 0; k < cols.length; k++) if (cols[k] > col) return row.starts[k];
  }
  return row.el.contentEnd;
}

/** Whether a write is wanted at `col` (a loop, not a closure made for every cell of every written row). */
function wants(list: ReadonlyArray<{ col: number }>, col: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i].col === col) return true;
  return false;
}

/** Every row's number and start in document order (where a new row goes), and the rows that take writes. */
interface SheetRows {
  index: number[];
  start: number[];
  /** By row number; of a number listed twice, the last row (as the edit always took it). Empty when each was given to a visitor. */
  found: Map<number, RowFound>;
}

/**
 * One walk over sheetData for a fill's writes: each row's number read, the rows that take no write
 * stepped over, the others' cells read (their columns; the wanted ones' content). The edit used to
 * list every row as an element and walk each written row's cells again, then each written cell's.
 *
 * With `visit`, each row that takes writes is given to it as walked, and kept by nobody (a large
 * form's rows, kept to the end, were most of what its garbage collector copied); null when the rows
 * do not stand in strictly ascending order (a damaged file), for the caller to walk again, collecting.
 */
function walkRows(xml: string, sheetData: Element, wanted: ReadonlyMap<number, ReadonlyArray<{ col: number }>>, visit: ((r: number, row: RowFound) => void) | null): SheetRows | null {
  const rows: SheetRows = { index: [], start: [], found: new Map() };
  if (sheetData.selfClosing) return rows;
  const fast = isKnownText(xml);
  const sc = new XmlScanner(xml, sheetData.tagEnd, sheetData.contentEnd, fast);
  let prev = 0;
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k !== OPEN) continue;
    if (sc.name !== "row") {
      stepOver(sc, fast);
      continue;
    }
    const r = Number(sc.attr("r") ?? prev + 1);
    if (visit !== null && !(r > prev || (rows.index.length === 0 && r === r))) return null;
    rows.index.push(r);
    rows.start.push(sc.start);
    prev = r;
    const list = wanted.get(r);
    if (list === undefined) stepOver(sc, fast);
    else if (visit !== null) visit(r, rowAt(sc, list, fast));
    else rows.found.set(r, rowAt(sc, list, fast));
  }
  return rows;
}

/**
 * walkRows from the reader's notes of where the rows and cells stand (CellSpans), not walking the
 * sheet: each written row's cells are read where they stand. Null when the notes cannot stand for the
 * walk (the reader met something it reads otherwise, another sheetData, rows not in strictly ascending
 * order): the caller walks.
 */
function spannedRows(xml: string, sheetData: Element, spans: CellSpans, wanted: ReadonlyMap<number, ReadonlyArray<{ col: number }>>, visit: (r: number, row: RowFound) => void): SheetRows | null {
  if (!spans.usable || spans.dataStart !== sheetData.start || spans.rowQname === null) return null;
  const n = spans.rowNumber;
  for (let i = 1; i < n.length; i++) if (!(n[i] > n[i - 1])) return null;
  const qname = spans.rowQname;
  const name = qname.slice(qname.indexOf(":") + 1);
  // Noted by the reader as it walked the whole text (and refused what XML refuses): not checked again.
  const known = isKnownText(xml);
  for (let i = 0; i < n.length; i++) {
    const list = wanted.get(n[i]);
    if (list === undefined) continue;
    const el: Element = { qname, name, start: spans.rowStart[i], tagEnd: spans.rowTagEnd[i], end: spans.rowEnd[i], selfClosing: spans.rowSelfClosing[i], contentEnd: spans.rowContentEnd[i] };
    const from = spans.rowFirstCell[i];
    const to = i + 1 < n.length ? spans.rowFirstCell[i + 1] : spans.cellCount;
    // The row's cells are not copied out of the notes: a list per row was most of what this made.
    const row: RowFound = { el, cols: NO_NUMBERS, starts: NO_NUMBERS, spans, from, to, wanted: [] };
    for (let k = from; k < to; k++) {
      const col = spans.cellCol(k);
      if (!wants(list, col) || foundAt(row, col) !== undefined) continue;
      const sc = new XmlScanner(xml, spans.cellStart(k), spans.cellEnd(k), known);
      sc.next();
      row.wanted.push(cellAt(sc, col));
    }
    visit(n[i], row);
  }
  return { index: n, start: spans.rowStart, found: new Map() };
}

/** The walked lists of a row read from the notes: never pushed to. */
const NO_NUMBERS: number[] = [];

/** The row's cell read for a write at `col`, if it has one. */
function foundAt(row: RowFound, col: number): CellFound | undefined {
  for (const c of row.wanted) if (c.col === col) return c;
  return undefined;
}

/** The element the scanner has opened, as far as its start tag (its end filled in once walked). */
const openedElement = (sc: XmlScanner): Element => ({ qname: sc.qname, name: sc.name, start: sc.start, tagEnd: sc.end, end: sc.end, selfClosing: sc.selfClosing, contentEnd: sc.end });

/** The scanner on a row's start tag: its cells read, the cursor left on its end tag. */
function rowAt(sc: XmlScanner, list: ReadonlyArray<{ col: number }>, fast: boolean): RowFound {
  const el = openedElement(sc);
  const row: RowFound = { el, cols: [], starts: [], spans: null, from: 0, to: 0, wanted: [] };
  const depth = sc.path.length;
  let prev = 0;
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k === CLOSE) {
      if (sc.path.length < depth) break;
      continue;
    }
    if (k !== OPEN) continue;
    if (sc.name !== "c") {
      stepOver(sc, fast);
      continue;
    }
    const ref = sc.attr("r");
    const col = ref ? columnOfA1(ref) : prev + 1;
    row.cols.push(col);
    row.starts.push(sc.start);
    prev = col;
    if (foundAt(row, col) === undefined && wants(list, col)) row.wanted.push(cellAt(sc, col));
    else stepOver(sc, fast);
  }
  el.end = sc.end;
  el.contentEnd = el.selfClosing ? el.tagEnd : sc.start;
  return row;
}

/** The scanner on a cell's start tag: what it holds, the cursor left on its end tag. */
function cellAt(sc: XmlScanner, col: number): CellFound {
  const el = openedElement(sc);
  const cell: CellFound = { col, el, hasFormula: false, inline: undefined, value: undefined };
  const depth = sc.path.length;
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k === CLOSE) {
      if (sc.path.length < depth) break;
      continue;
    }
    if (k !== OPEN) continue;
    if (sc.name === "f") {
      cell.hasFormula = true;
      sc.skipElement();
    } else if (sc.name === "is" && cell.inline === undefined) cell.inline = sc.textContent();
    else if (sc.name === "v" && cell.value === undefined) cell.value = sc.textContent();
    else sc.skipElement();
  }
  el.end = sc.end;
  el.contentEnd = el.selfClosing ? el.tagEnd : sc.start;
  return cell;
}

/** New `<row>` elements put in row order into sheetData (opened first when it is empty and self-closing). */
function rowInserts(xml: string, sheetData: Element, rows: Pick<SheetRows, "index" | "start">, added: ReadonlyArray<{ index: number; text: string }>): Splice[] {
  if (added.length === 0) return [];
  if (sheetData.selfClosing) {
    const o = opened(xml, sheetData);
    return [{ start: sheetData.start, end: sheetData.end, text: o.open + added.map((n) => n.text).join("") + o.close }];
  }
  // Each new row goes before the first listed row past it. Taken in ascending order, the rows passed
  // over for one are passed over for the next too: one walk.
  const sorted = [...added].sort((a, b) => a.index - b.index);
  const out: Splice[] = [];
  let k = 0;
  for (const n of sorted) {
    while (k < rows.index.length && !(rows.index[k] > n.index)) k++;
    const at = k < rows.index.length ? rows.start[k] : sheetData.contentEnd;
    out.push({ start: at, end: at, text: n.text });
  }
  return out;
}

/** Whether a row may be made `height` tall: its height fixed by no one (customHeight), not hidden, not as tall already. */
function growable(xml: string, el: Element, height: number): boolean {
  const custom = attr(xml, el, "customHeight");
  const ht = Number(attr(xml, el, "ht") ?? NaN);
  return !(custom === "1" || custom === "true" || attr(xml, el, "hidden") === "1" || (Number.isFinite(ht) && ht >= height));
}

/** Whether a `<c>` holds nothing a person or a formula put there (a space is content). */
function isEmpty(xml: string, c: CellFound, sharedString: (i: number) => string | undefined): boolean {
  if (c.hasFormula) return false;
  const t = attr(xml, c.el, "t");
  if (c.inline !== undefined) return c.inline === "";
  if (c.value === undefined) return true;
  if (t === "s") return c.value.trim() !== "" && sharedString(Number(c.value)) === "";
  return c.value === "";
}

function cellXml(p: string, ref: string, style: number, value: number | string): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${String(value)}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(fitCell(value))}</${p}t></${p}is></${p}c>`;
}

interface ColStyle {
  min: number;
  max: number;
  style: number;
}

function columnStyles(xml: string, root: Element): ColStyle[] {
  const cols = childrenOf(xml, root).find((c) => c.name === "cols");
  if (!cols) return [];
  return childrenOf(xml, cols)
    .filter((c) => c.name === "col")
    .map((c) => ({ min: Number(attr(xml, c, "min")), max: Number(attr(xml, c, "max")), style: Number(attr(xml, c, "style") ?? 0) }));
}

/**
 * The edits that write values into a sheet's XML, not yet made (a fill makes them together with the
 * marks' and the notes': each edit of a large sheet's text copies all of it). Only the written cells'
 * `<c>` elements change (and a new `<row>` where the row had none), in column order within rows in
 * order, and the `ht` of the rows grown for drafts (`heights`); an existing cell keeps its style
 * unless it needs a number format, when it gets a copy of its style with that format. Skipped: cells
 * no longer empty in the file, or values the file cannot hold.
 */
export function cellEdits(
  xml: string,
  writes: ValueWrite[],
  styles: Styles | null,
  sharedString: (i: number) => string | undefined,
  /** Where the reader found the rows and cells of this text, if it noted them. */
  spans?: CellSpans,
  /**
   * Rows to make taller for their drafts (a fill's RowHeight): each grown once one of its drafts is
   * written, its drafts at or above it (a merged area's draft grows the area's last row). Made with the
   * cells' edits, against the same text: `ht` set, never lowered, never on a row whose height a person
   * fixed (customHeight) or hid; a row the sheet does not list is added, empty, with its height. Of a
   * row listed twice, the one the writes go to.
   */
  heights: ReadonlyArray<RowHeight> = [],
): { edits: Splice[]; written: string[]; skipped: string[] } {
  const root = rootOf(xml);
  const p = prefixOf(root);
  const kids = childrenOf(xml, root);
  const sheetData = kids.find((c) => c.name === "sheetData");
  if (!sheetData) throw new XmlShapeError("worksheet without sheetData");
  const colStyles = columnStyles(xml, root);
  const written: string[] = [];
  const skipped: string[] = [];
  const edits: Splice[] = [];

  const wanted = new Map<number, Array<ValueWrite & { row: number; col: number }>>();
  const heightAt = new Map<number, RowHeight>();
  for (const h of heights) heightAt.set(h.row, h);
  /** The drafts of the rows to grow that are written so far (rows are edited in their numbers' order). */
  const drafts = new Set(heights.flatMap((h) => h.cells));
  const draftsWritten = new Set<string>();
  const wroteCell = (cell: string) => {
    written.push(cell);
    if (drafts.has(cell)) draftsWritten.add(cell);
  };
  /** Start tags' edits that changed nothing in the end (their rows did not grow): taken out. */
  const unchanged = new Set<Splice>();
  /** The row's height, if it is to grow now that its drafts are written or not. */
  const grownTo = (r: number): number | null => {
    const h = heightAt.get(r);
    return h !== undefined && h.cells.some((c) => draftsWritten.has(c)) ? h.height : null;
  };
  const arrays = writes.length > 0 ? formulaRanges(xml) : [];
  for (const w of writes) {
    if (typeof w.value === "number" && !Number.isFinite(w.value)) {
      skipped.push(w.cell);
      continue;
    }
    const { row, col } = parseA1(w.cell);
    // A cell of an array formula's (or a data table's) range belongs to that formula, result or not.
    if (arrays.length > 0 && arrays.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)) {
      skipped.push(w.cell);
      continue;
    }
    let list = wanted.get(row);
    if (list === undefined) wanted.set(row, (list = []));
    if (!wants(list, col)) list.push({ cell: toA1(row, col), row, col, value: w.value, numberFormat: w.numberFormat, wrap: w.wrap });
  }
  // A row to grow is walked to as a written one is, even if none of its own cells is written.
  for (const r of heightAt.keys()) if (!wanted.has(r)) wanted.set(r, []);

  const styleFor = (base: number, w: ValueWrite) => {
    const formatted = w.numberFormat && styles ? styles.withNumberFormat(base, w.numberFormat) : base;
    return w.wrap && styles ? styles.withWrap(formatted) : formatted;
  };
  const colStyle = (col: number) => colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  const newRows: Array<{ index: number; text: string }> = [];
  const spanBounds = new Map<string, { lo: number; hi: number }>();
  /** The written cells' bounds, which the dimension must take in (empty, top past bottom, until one is written). */
  const grown = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
  const grew = (w: { row: number; col: number }) => {
    if (w.row < grown.top) grown.top = w.row;
    if (w.row > grown.bottom) grown.bottom = w.row;
    if (w.col < grown.left) grown.left = w.col;
    if (w.col > grown.right) grown.right = w.col;
  };

  /** A row the sheet does not list, made with its cells. */
  const newRow = (r: number, list: Array<ValueWrite & { row: number; col: number }>) => {
    list.sort((a, b) => a.col - b.col);
    const cells = list.map((w) => cellXml(p, w.cell, styleFor(colStyle(w.col), w), w.value));
    for (const w of list) {
      wroteCell(w.cell);
      grew(w);
    }
    const height = grownTo(r);
    const ht = height === null ? "" : ` ht="${height}"`;
    if (list.length > 0) newRows.push({ index: r, text: `<${p}row r="${r}"${ht}>${cells.join("")}</${p}row>` });
    else if (height !== null) newRows.push({ index: r, text: `<${p}row r="${r}"${ht}/>` });
  };
  /** A listed row's edits, made in the text's order (as a fill goes down the sheet, they need no sorting). */
  const editRow = (r: number, row: RowFound, list: Array<ValueWrite & { row: number; col: number }>) => {
    list.sort((a, b) => a.col - b.col);
    const rowEl = row.el;
    const customFormat = attr(xml, rowEl, "customFormat");
    const rowStyle = customFormat === "1" || customFormat === "true" ? Number(attr(xml, rowEl, "s") ?? 0) : null;
    // A row's spans (an optional hint of its first and last column) must cover its cells.
    const spans = attr(xml, rowEl, "spans");
    // The row's start tag, when its spans must grow to take in the written cells.
    let startTag: string | null = null;
    if (spans && list.length > 0) {
      // Rows of a sheet mostly share their spans ("1:8"): each text read once.
      let was = spanBounds.get(spans);
      if (was === undefined) {
        const nums = spans.split(/[\s:]+/).map(Number).filter(Number.isFinite);
        was = { lo: Math.min(...nums), hi: Math.max(...nums) };
        spanBounds.set(spans, was);
      }
      let lo = was.lo;
      let hi = was.hi;
      for (const w of list) {
        if (w.col < lo) lo = w.col;
        if (w.col > hi) hi = w.col;
      }
      if (lo < was.lo || hi > was.hi) startTag = withAttr(xml, rowEl, "spans", `${lo}:${hi}`);
    }
    // A self-closing row is opened for its new cells; another takes them where they go.
    const inserts: Array<{ at: number; text: string }> | null = rowEl.selfClosing ? [] : null;
    // The start tag's edit goes before the cells' (edits listed in the text's order), its text known
    // once they are made: whether the row grows depends on its drafts being written.
    const tagEdit: Splice | null = inserts === null && (startTag !== null || heightAt.has(r)) ? { start: rowEl.start, end: rowEl.tagEnd, text: "" } : null;
    if (tagEdit !== null) edits.push(tagEdit);
    for (const w of list) {
      const existing = foundAt(row, w.col);
      if (existing !== undefined) {
        if (!isEmpty(xml, existing, sharedString)) {
          skipped.push(w.cell);
          continue;
        }
        const base = Number(attr(xml, existing.el, "s") ?? 0);
        edits.push({ start: existing.el.start, end: existing.el.end, text: cellXml(p, w.cell, styleFor(base, w), w.value) });
      } else {
        const at = insertAt(row, w.col);
        const text = cellXml(p, w.cell, styleFor(rowStyle ?? colStyle(w.col), w), w.value);
        if (inserts !== null) inserts.push({ at, text });
        else edits.push({ start: at, end: at, text });
      }
      wroteCell(w.cell);
      grew(w);
    }
    const height = grownTo(r);
    if (height !== null && growable(xml, rowEl, height)) startTag = withAttr(startTag ?? xml, startTag === null ? rowEl : { ...rowEl, start: 0, tagEnd: startTag.length }, "ht", String(height));
    if (tagEdit !== null) {
      tagEdit.text = startTag ?? xml.slice(rowEl.start, rowEl.tagEnd);
      if (startTag === null) unchanged.add(tagEdit);
    }
    if (inserts !== null && inserts.length > 0) {
      startTag ??= xml.slice(rowEl.start, rowEl.tagEnd);
      const o = opened(startTag, rootOf(startTag));
      edits.push({ start: rowEl.start, end: rowEl.end, text: o.open + inserts.map((i) => i.text).join("") + o.close });
    } else if (inserts !== null && startTag !== null) edits.push({ start: rowEl.start, end: rowEl.tagEnd, text: startTag });
  };

  // Rows are edited in their numbers' order, those the sheet lacks among them: as the file lists them
  // when in order (each row let go once edited), else collected by a second walk and then edited.
  const order = [...wanted.keys()].sort((a, b) => a - b);
  const skippedBefore = skipped.length;
  const stylesBefore = styles?.mark();
  let next = 0;
  const visit = (r: number, row: RowFound) => {
    while (order[next] < r) newRow(order[next], wanted.get(order[next++])!);
    editRow(r, row, wanted.get(order[next++])!);
  };
  let rows = (spans && spannedRows(xml, sheetData, spans, wanted, visit)) ?? walkRows(xml, sheetData, wanted, visit);
  if (rows === null) {
    stylesBefore?.();
    spanBounds.clear();
    edits.length = 0;
    written.length = 0;
    skipped.length = skippedBefore;
    newRows.length = 0;
    draftsWritten.clear();
    unchanged.clear();
    Object.assign(grown, { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity });
    next = 0;
    rows = walkRows(xml, sheetData, wanted, null)!;
    for (const r of order) {
      const row = rows.found.get(r);
      if (row) editRow(r, row, wanted.get(r)!);
      else newRow(r, wanted.get(r)!);
    }
  } else while (next < order.length) newRow(order[next], wanted.get(order[next++])!);

  if (unchanged.size > 0) {
    let k = 0;
    for (const e of edits) if (!unchanged.has(e)) edits[k++] = e;
    edits.length = k;
  }
  edits.push(...rowInserts(xml, sheetData, rows, newRows));

  // The dimension (the used range a reader may trust) grows to take in the written cells.
  const dim = kids.find((c) => c.name === "dimension");
  const ref = dim ? attr(xml, dim, "ref") : undefined;
  if (dim && ref && grown.top <= grown.bottom) {
    try {
      const box = parseRange(ref);
      box.top = Math.min(box.top, grown.top);
      box.bottom = Math.max(box.bottom, grown.bottom);
      box.left = Math.min(box.left, grown.left);
      box.right = Math.max(box.right, grown.right);
      const next = rangeToA1(box);
      if (next !== ref) edits.push({ start: dim.start, end: dim.tagEnd, text: withAttr(xml, dim, "ref", next) });
    } catch {
      // An unreadable dimension is left as the writer wrote it; readers recompute it.
    }
  }
  return { edits, written, skipped };
}

/** The sheet's conditional formats without the add-in's own rules; a block left empty goes. */
export function removeOwnMarks(xml: string): { xml: string; removed: number; from: number } {
  const root = rootOf(xml);
  const edits: Splice[] = [];
  let removed = 0;
  for (const cf of childrenOf(xml, root)) {
    if (cf.name !== "conditionalFormatting") continue;
    const rules = childrenOf(xml, cf).filter((r) => r.name === "cfRule");
    const own = rules.filter((r) => childrenOf(xml, r).some((f) => f.name === "formula" && isOwnFormula(textOf(xml, f))));
    if (own.length === 0) continue;
    removed += own.length;
    if (own.length === rules.length && childrenOf(xml, cf).length === rules.length) edits.push({ start: cf.start, end: cf.end, text: "" });
    else for (const r of own) edits.push({ start: r.start, end: r.end, text: "" });
  }
  // Where the text first changed: before it, every place in the text is where it was.
  const from = edits.reduce((m, e) => Math.min(m, e.start), xml.length);
  return { xml: splice(xml, edits), removed, from };
}

interface MarkRule {
  cell: string;
  /** Without the leading "=". */
  formula: string;
  dxfId: number;
}

/** Conditional formats for the marks, after any the sheet has, with priorities after theirs: the edit, not yet made. */
export function markEdits(xml: string, marks: MarkRule[]): Splice[] {
  if (marks.length === 0) return [];
  const root = rootOf(xml);
  const p = prefixOf(root);
  let priority = highestPriority(xml, root);
  const blocks = marks.map(
    (m) =>
      `<${p}conditionalFormatting sqref="${escapeAttr(m.cell)}"><${p}cfRule type="expression" dxfId="${m.dxfId}" priority="${++priority}"><${p}formula>${escapeText(m.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
  );
  const at = insertionPoint(xml, root, WORKSHEET_ORDER, "conditionalFormatting");
  return [{ start: at, end: at, text: blocks.join("") }];
}

const CF_PRIORITY = /<(?:[A-Za-z0-9_]+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g;

/**
 * The highest priority of the sheet's conditional-format rules (its own, and those in its extLst).
 * Rules stand among the worksheet's children, never in sheetData: the cells, most of a large sheet,
 * are not searched.
 */
function highestPriority(xml: string, root: Element): number {
  const data = childrenOf(xml, root).find((c) => c.name === "sheetData");
  const parts = data ? [xml.slice(0, data.start), xml.slice(data.end)] : [xml];
  let priority = 0;
  for (const part of parts) {
    if (!part.includes("cfRule")) continue;
    for (const m of part.matchAll(CF_PRIORITY)) priority = Math.max(priority, Number(m[1]));
  }
  return priority;
}

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The sheet's legacyDrawing relationship id, if it has one. */
export function legacyDrawingId(xml: string): string | undefined {
  // Without the word anywhere there is no such element: the sheet is not walked for it.
  if (!xml.includes("legacyDrawing")) return undefined;
  const root = rootOf(xml);
  const el = childrenOf(xml, root).find((c) => c.name === "legacyDrawing");
  return el ? relIdOf(xml, el) : undefined;
}

/**
 * The edit that puts a legacyDrawing element referring to the notes' VML drawing (the sheet had none),
 * once its relationship id is known. Its place is found now, while the sheet's text is among those
 * whose structure is kept: the notes' parts read meanwhile would push it out, and a sheet of
 * thousands of rows would be walked again.
 */
export function legacyDrawingEditOf(xml: string): (rid: string) => Splice {
  const root = rootOf(xml);
  const p = prefixOf(root);
  const at = insertionPoint(xml, root, WORKSHEET_ORDER, "legacyDrawing");
  return (rid) => ({ start: at, end: at, text: `<${p}legacyDrawing xmlns:r="${R_NS}" r:id="${escapeAttr(rid)}"/>` });
}

/** Whether the worksheet is protected (a fill leaves such a sheet alone). */
export function isProtected(xml: string): boolean {
  if (!xml.includes("sheetProtection")) return false;
  const root = rootOf(xml);
  const el = childrenOf(xml, root).find((c) => c.name === "sheetProtection");
  if (!el) return false;
  const sheet = attr(xml, el, "sheet");
  return sheet === "1" || sheet === "true";
}

/** The ranges array formulas and data tables fill (`<f t="array" ref="G13:G20">`), read as a parser reads them. */
function formulaRanges(xml: string): Array<ReturnType<typeof parseRange>> {
  const out: Array<ReturnType<typeof parseRange>> = [];
  if (!/\st\s*=\s*["'](array|dataTable)["']/.test(xml)) return out;
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k !== OPEN || sc.name !== "f") continue;
    const t = sc.attr("t");
    const ref = sc.attr("ref");
    if ((t === "array" || t === "dataTable") && ref) {
      try {
        out.push(parseRange(ref));
      } catch {
        // a ref that names no range: no range to keep
      }
    }
  }
  return out;
}
