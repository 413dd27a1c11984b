// The fill's row heights as they were made before (until the cells' edits took them): a second edit,
// walking the text the cells' edits had made. Kept as the oracle the one edit is held equal to
// (test/xlsx/cellEditsWalk.test.ts). Not used by the product. One change from what it was: of a row
// listed twice, the one the writes went to (the last) grows, where this took the first.
import { attr, childrenOf, opened, prefixOf, rootOf, splice, withAttr, XmlShapeError, type Element, type Splice } from "../../../src/xlsx/package/xml";

type FoundElement = { el: Element; index: number };

function rowsOf(xml: string, sheetData: Element): FoundElement[] {
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

function rowInserts(xml: string, sheetData: Element, rows: { index: number[]; start: number[] }, added: ReadonlyArray<{ index: number; text: string }>): Splice[] {
  if (added.length === 0) return [];
  if (sheetData.selfClosing) {
    const o = opened(xml, sheetData);
    return [{ start: sheetData.start, end: sheetData.end, text: o.open + added.map((n) => n.text).join("") + o.close }];
  }
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

export function setRowHeights(xml: string, heights: ReadonlyArray<{ row: number; height: number }>): string {
  if (heights.length === 0) return xml;
  const root = rootOf(xml);
  const p = prefixOf(root);
  const sheetData = childrenOf(xml, root).find((c) => c.name === "sheetData");
  if (!sheetData) throw new XmlShapeError("worksheet without sheetData");
  const rows = rowsOf(xml, sheetData);
  const byRow = new Map<number, FoundElement>();
  for (const r of rows) byRow.set(r.index, r);
  const edits: Splice[] = [];
  const added: Array<{ index: number; text: string }> = [];
  for (const { row, height } of heights) {
    const found = byRow.get(row);
    if (!found) {
      added.push({ index: row, text: `<${p}row r="${row}" ht="${height}"/>` });
      continue;
    }
    const el = found.el;
    const custom = attr(xml, el, "customHeight");
    const ht = Number(attr(xml, el, "ht") ?? NaN);
    if (custom === "1" || custom === "true" || attr(xml, el, "hidden") === "1" || (Number.isFinite(ht) && ht >= height)) continue;
    edits.push({ start: el.start, end: el.tagEnd, text: withAttr(xml, el, "ht", String(height)) });
  }
  edits.push(...rowInserts(xml, sheetData, { index: rows.map((r) => r.index), start: rows.map((r) => r.el.start) }, added));
  return splice(xml, edits);
}
