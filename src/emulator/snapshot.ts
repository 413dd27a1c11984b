import { rangeToA1, toA1 } from "../core/address";
import { displayText } from "../core/numberFormat";
import type { CellValue, SheetSnapshot } from "../core/snapshot";
import { cellKey, keyCol, keyRow, mergeAt, usedRange, type SheetState } from "./state";

/** The sheet as the add-in reads it through Office.js (used range, merged cells empty but the top-left). */
export function toSnapshot(sheet: SheetState): SheetSnapshot {
  const used = usedRange(sheet);
  const merges = sheet.merges.map(rangeToA1);
  if (!used) return { name: sheet.name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges, protected: sheet.protected };
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const formulas: Array<Array<string | null>> = [];
  for (let r = used.top; r <= used.bottom; r++) {
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const nr: string[] = [];
    const fr: Array<string | null> = [];
    for (let c = used.left; c <= used.right; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      const m = mergeAt(sheet, r, c);
      const slave = !!m && (m.top !== r || m.left !== c);
      const v = slave ? null : cell?.value ?? null;
      const fmt = cell?.numberFormat ?? "General";
      vr.push(v);
      nr.push(fmt);
      fr.push(slave ? null : cell?.formula ?? null);
      tr.push(displayText(v, fmt));
    }
    values.push(vr);
    text.push(tr);
    numberFormats.push(nr);
    formulas.push(fr);
  }
  return { name: sheet.name, origin: { row: used.top, col: used.left }, values, text, numberFormats, formulas, merges, protected: sheet.protected };
}

/**
 * Everything the workbook holds, as plain data without object ids: two dumps are equal exactly
 * when a person could not tell the workbooks apart (cells, formats, marks, notes, validations).
 */
export function dumpSheet(sheet: SheetState): unknown {
  const cells = [...sheet.cells]
    .filter(([, c]) => c.value !== null || c.formula !== null || c.numberFormat !== "General")
    .sort(([a], [b]) => a - b)
    .map(([k, c]) => [toA1(keyRow(k), keyCol(k)), c.value, c.formula, c.numberFormat]);
  return {
    name: sheet.name,
    protected: sheet.protected,
    cells,
    merges: sheet.merges.map(rangeToA1),
    conditionalFormats: sheet.cfs.map((cf) => ({ type: cf.type, ranges: cf.ranges.map(rangeToA1), formula: cf.formula, fill: cf.fill, font: cf.font })),
    notes: [...sheet.notes].sort(byKey).map(([a, n]) => [a, n.content]),
    validations: [...sheet.validations].sort(byKey).map(([a, v]) => [a, v.type, v.list ?? null, v.prompt]),
  };
}

function byKey<V>(a: [string, V], b: [string, V]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
