import ExcelJS from "exceljs";
import JSZip from "jszip";

import { displayText } from "../core/numberFormat";
import { validSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { mergedRanges, readCell, type CellRead } from "./cells";
import { clipMerges, densestBox, MAX_SNAPSHOT_CELLS, type Box } from "./extent";
import { libraryReason, precheck, WorkbookReadError } from "./sniff";
import { CHECK_THE_CELL } from "./valueText";
import { toA1 } from "../core/address";

/**
 * ExcelJS as the .xlsx reader: for what the package reader (src/xlsx/readPackage.ts) leaves to it,
 * for the emulator and for the tests, which hold the package reader to it.
 */

/** Load .xlsx bytes, telling apart the usual ways a file is not a readable workbook. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  precheck(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const m = (e as Error).message ?? "";
    if (e instanceof RangeError || /Invalid (string|array|typed array) length|Map maximum size|allocation failed|heap/i.test(m)) {
      throw new WorkbookReadError("工作表过大，无法读取。", `The workbook is too large to read (${m}).`);
    }
    const why = libraryReason(m);
    throw new WorkbookReadError(`工作簿已损坏，无法读取（${why.zh}）。`, `The workbook is damaged and cannot be read (${why.en}).`);
  }
  // Only formulas can be stale: a workbook without any is not opened a second time.
  if (hasFormula(wb) && (await asksFullCalc(bytes))) wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

function hasFormula(wb: ExcelJS.Workbook): boolean {
  for (const ws of wb.worksheets) {
    const rows = (ws as unknown as { _rows?: Array<{ _cells?: Array<ExcelJS.Cell | undefined> } | undefined> })._rows ?? [];
    for (const row of rows) for (const cell of row?._cells ?? []) if (cell && cell.type === ExcelJS.ValueType.Formula) return true;
  }
  return false;
}

/** ExcelJS does not read calcPr: whether workbook.xml asks for every formula to be recalculated on opening. */
async function asksFullCalc(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const name = Object.keys(zip.files).find((n) => /^xl\/workbook\d*\.xml$/i.test(n));
    const xml = name ? await zip.files[name].async("string") : "";
    return /<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](1|true)["']/.test(xml);
  } catch {
    return false;
  }
}

const EMPTY: CellRead = { value: null, formula: null, numberFormat: "General" };

/** Where a sheet's occupied cells are densest, when its claimed extent is too large to read whole. */
function occupiedBox(ws: ExcelJS.Worksheet): Box | null {
  const rows = (ws as unknown as { _rows?: Array<{ _cells?: Array<ExcelJS.Cell | undefined> } | undefined> })._rows ?? [];
  const cells: Array<{ r: number; c: number }> = [];
  rows.forEach((row, i) => {
    row?._cells?.forEach((cell, j) => {
      if (!cell || cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Null) return;
      cells.push({ r: i + 1, c: j + 1 });
    });
  });
  return densestBox(cells, ws.name);
}

/** One worksheet as a snapshot: the used range, as Office.js would give it. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  return validSnapshot(unvalidatedSnapshotOf(ws));
}

function unvalidatedSnapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  let merges = mergedRanges(ws);
  let dims: Box | null = ws.rowCount > 0 ? ws.dimensions : null;
  if (dims && dims.top && (dims.bottom - dims.top + 1) * (dims.right - dims.left + 1) > MAX_SNAPSHOT_CELLS) {
    dims = occupiedBox(ws);
    if (dims) merges = clipMerges(merges, dims);
  }
  const protectedSheet = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  const recalc = !!(ws.workbook as unknown as { calcProperties?: { fullCalcOnLoad?: boolean } }).calcProperties?.fullCalcOnLoad;
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  const flags = { protected: protectedSheet, ...(recalc ? { recalculatesOnLoad: true } : {}), ...(hidden ? { hidden: true } : {}) };
  if (!dims || !dims.top) {
    return { name: ws.name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges, ...flags };
  }
  const top = dims.top;
  const left = dims.left;
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const formulas: Array<Array<string | null>> = [];
  for (let r = top; r <= dims.bottom; r++) {
    const row = ws.getRow(r);
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const nr: string[] = [];
    const fr: Array<string | null> = [];
    for (let c = left; c <= dims.right; c++) {
      // findCell does not create the cell (getCell would, for every empty one in the rectangle).
      const cell = (row as unknown as { findCell(c: number): ExcelJS.Cell | undefined }).findCell(c);
      const read = cell ? readCell(cell) : EMPTY;
      // ExcelJS reads a number cell holding no number (`abc`) as NaN: refused as the package reader refuses it.
      if (typeof read.value === "number" && !Number.isFinite(read.value)) {
        const at = toA1(r, c);
        throw new WorkbookReadError(
          `工作簿已损坏：工作表「${ws.name}」的单元格 ${at} 应存数字，存的却不是数字，无法可靠读取。${CHECK_THE_CELL.zh}`,
          `The workbook is damaged: cell ${at} of sheet "${ws.name}" should hold a number but does not, so it cannot be read reliably. ${CHECK_THE_CELL.en}`,
        );
      }
      vr.push(read.value);
      nr.push(read.numberFormat);
      fr.push(read.formula);
      tr.push(read.dateText ?? displayText(read.value, read.numberFormat));
    }
    values.push(vr);
    text.push(tr);
    numberFormats.push(nr);
    formulas.push(fr);
  }
  return { name: ws.name, origin: { row: top, col: left }, values, text, numberFormats, formulas, merges, ...flags };
}

export function snapshotsOf(wb: ExcelJS.Workbook): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    out.push(snapshotOf(ws));
  });
  return out;
}

