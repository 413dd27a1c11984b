// The fill's row heights as they were made before (until the cells' edits took them): a second edit,
// walking the text the cells' edits had made. Kept as the oracle the one edit is held equal to
// (test/xlsx/cellEditsWalk.test.ts). Not used by the product. One change from what it was: of a row
// listed twice, the one the writes went to (the last) grows, where this took the first.
import { attr, childrenOf, prefixOf, rootOf, splice, withAttr, XmlShapeError, type Splice } from "../../../src/xlsx/package/xml";
import { rowInserts, rowsOf, type FoundElement } from "./cellEditsBefore";

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
  edits.push(...rowInserts(xml, sheetData, rows, added));
  return splice(xml, edits);
}
