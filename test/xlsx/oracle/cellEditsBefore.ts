// The package edit's cellEdits as it stood before its single walk (after cf65654), kept as the
// oracle its property test holds the walk equal to (test/xlsx/cellEditsWalk.test.ts). Not used by
// the product.
import { columnOfA1, parseA1, parseRange, rangeToA1, toA1 } from "../../../src/core/address";
import { fitCell } from "../../../src/core/text";
import type { Styles } from "../../../src/xlsx/package/styles";
import { DONE, OPEN, XmlScanner } from "../../../src/xlsx/package/xmlScan";
import { attr, childrenOf, eachChild, elementAt, escapeText, opened, prefixOf, rootOf, textOf, withAttr, XmlShapeError, type Element, type Splice } from "../../../src/xlsx/package/xml";

interface ValueWrite {
  cell: string;
  value: number | string;
  numberFormat?: string;
  wrap?: boolean;
}

export type FoundElement = { el: Element; index: number };

export function rowsOf(xml: string, sheetData: Element): FoundElement[] {
  const out: FoundElement[] = [];
  let prev = 0;
  for (const el of childrenOf(xml, sheetData)) {
    if (el.name !== "row") continue;
    const r = Number(attr(xml, el, "r") ?? prev + 1);
    out.push({ el, index: r });
    prev = r;
  }
  return out;
}

/** A row's cells: the column of each and where it starts, in document order (no Element of each: a fill looks at thousands of rows). */
function cellsOf(xml: string, row: Element): { cols: number[]; starts: number[] } {
  const cols: number[] = [];
  const starts: number[] = [];
  let prev = 0;
  eachChild(xml, row, (sc) => {
    if (sc.name !== "c") return;
    const ref = sc.attr("r");
    const col = ref ? columnOfA1(ref) : prev + 1;
    cols.push(col);
    starts.push(sc.start);
    prev = col;
  });
  return { cols, starts };
}


/** New `<row>` elements put in row order into sheetData (opened first when it is empty and self-closing). */
export function rowInserts(xml: string, sheetData: Element, rows: FoundElement[], added: ReadonlyArray<{ index: number; text: string }>): Splice[] {
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
    while (k < rows.length && !(rows[k].index > n.index)) k++;
    const at = k < rows.length ? rows[k].el.start : sheetData.contentEnd;
    out.push({ start: at, end: at, text: n.text });
  }
  return out;
}


/** Whether a `<c>` holds nothing a person or a formula put there (a space is content). */
function isEmpty(xml: string, c: Element, sharedString: (i: number) => string | undefined): boolean {
  const kids = childrenOf(xml, c);
  if (kids.some((k) => k.name === "f")) return false;
  const t = attr(xml, c, "t");
  const is = kids.find((k) => k.name === "is");
  if (is) return textOf(xml, is) === "";
  const v = kids.find((k) => k.name === "v");
  if (!v) return true;
  const text = textOf(xml, v);
  if (t === "s") return text.trim() !== "" && sharedString(Number(text)) === "";
  return text === "";
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


export function cellEdits(
  xml: string,
  writes: ValueWrite[],
  styles: Styles | null,
  sharedString: (i: number) => string | undefined,
): { edits: Splice[]; written: string[]; skipped: string[] } {
  const root = rootOf(xml);
  const p = prefixOf(root);
  const kids = childrenOf(xml, root);
  const sheetData = kids.find((c) => c.name === "sheetData");
  if (!sheetData) throw new XmlShapeError("worksheet without sheetData");
  const colStyles = columnStyles(xml, root);
  const rows = rowsOf(xml, sheetData);
  const byRow = new Map<number, FoundElement>(rows.map((r) => [r.index, r]));
  const written: string[] = [];
  const skipped: string[] = [];
  const edits: Splice[] = [];

  const wanted = new Map<number, Array<ValueWrite & { col: number }>>();
  const arrays = writes.length > 0 ? formulaRanges(xml) : [];
  for (const w of writes) {
    if (typeof w.value === "number" && !Number.isFinite(w.value)) {
      skipped.push(w.cell);
      continue;
    }
    const { row, col } = parseA1(w.cell);
    // A cell of an array formula's (or a data table's) range belongs to that formula, result or not.
    if (arrays.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)) {
      skipped.push(w.cell);
      continue;
    }
    const list = wanted.get(row) ?? [];
    if (!list.some((x) => x.col === col)) list.push({ cell: toA1(row, col), col, value: w.value, numberFormat: w.numberFormat, wrap: w.wrap });
    wanted.set(row, list);
  }

  const styleFor = (base: number, w: ValueWrite) => {
    const formatted = w.numberFormat && styles ? styles.withNumberFormat(base, w.numberFormat) : base;
    return w.wrap && styles ? styles.withWrap(formatted) : formatted;
  };
  const colStyle = (col: number) => colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  const newRows: Array<{ index: number; text: string }> = [];
  const spanBounds = new Map<string, { lo: number; hi: number }>();
  const grow: string[] = [];

  for (const [r, list] of [...wanted].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.col - b.col);
    const row = byRow.get(r);
    if (!row) {
      const cells = list.map((w) => cellXml(p, w.cell, styleFor(colStyle(w.col), w), w.value));
      newRows.push({ index: r, text: `<${p}row r="${r}">${cells.join("")}</${p}row>` });
      for (const w of list) written.push(w.cell);
      grow.push(...list.map((w) => w.cell));
      continue;
    }
    const rowEl = row.el;
    const customFormat = attr(xml, rowEl, "customFormat");
    const rowStyle = customFormat === "1" || customFormat === "true" ? Number(attr(xml, rowEl, "s") ?? 0) : null;
    const cells = cellsOf(xml, rowEl);
    const inserts: Array<{ at: number; text: string }> = [];
    for (const w of list) {
      const k = cells.cols.indexOf(w.col);
      if (k >= 0) {
        const existing = elementAt(xml, cells.starts[k]);
        if (!isEmpty(xml, existing, sharedString)) {
          skipped.push(w.cell);
          continue;
        }
        const base = Number(attr(xml, existing, "s") ?? 0);
        edits.push({ start: existing.start, end: existing.end, text: cellXml(p, w.cell, styleFor(base, w), w.value) });
      } else {
        const next = cells.cols.findIndex((c) => c > w.col);
        const base = rowStyle ?? colStyle(w.col);
        inserts.push({ at: next >= 0 ? cells.starts[next] : rowEl.contentEnd, text: cellXml(p, w.cell, styleFor(base, w), w.value) });
      }
      written.push(w.cell);
      grow.push(w.cell);
    }
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
    if (rowEl.selfClosing) {
      if (inserts.length === 0) continue;
      startTag ??= xml.slice(rowEl.start, rowEl.tagEnd);
      const o = opened(startTag, rootOf(startTag));
      edits.push({ start: rowEl.start, end: rowEl.end, text: o.open + inserts.map((i) => i.text).join("") + o.close });
    } else {
      if (startTag !== null) edits.push({ start: rowEl.start, end: rowEl.tagEnd, text: startTag });
      for (const i of inserts) edits.push({ start: i.at, end: i.at, text: i.text });
    }
  }

  edits.push(...rowInserts(xml, sheetData, rows, newRows));

  // The dimension (the used range a reader may trust) grows to take in the written cells.
  const dim = kids.find((c) => c.name === "dimension");
  const ref = dim ? attr(xml, dim, "ref") : undefined;
  if (dim && ref && grow.length > 0) {
    try {
      const box = parseRange(ref);
      for (const a of grow) {
        const { row, col } = parseA1(a);
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
      }
      const next = rangeToA1(box);
      if (next !== ref) edits.push({ start: dim.start, end: dim.tagEnd, text: withAttr(xml, dim, "ref", next) });
    } catch {
      // An unreadable dimension is left as the writer wrote it; readers recompute it.
    }
  }
  return { edits, written, skipped };
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
