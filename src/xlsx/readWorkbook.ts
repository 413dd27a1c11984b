import ExcelJS from "exceljs";
import JSZip from "jszip";

import { parseRange, rangeToA1 } from "../core/address";
import { displayText } from "../core/numberFormat";
import type { CellValue, SheetSnapshot } from "../core/snapshot";
import { mergedRanges, readCell, type CellRead } from "./cells";

/** Why a file could not be read, in words a finance officer understands. */
export class WorkbookReadError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Byte helpers without Node's Buffer: this reader runs in the web checker too. */
function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Whether `needle` occurs in `hay` (a first-byte scan, as Buffer.includes does). */
export function includesBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** The first bytes as Latin-1 text: a zip names its first part in plain ASCII. */
const headText = (bytes: Uint8Array, n = 200): string => String.fromCharCode(...bytes.subarray(0, n));

const ENCRYPTION_INFO = utf16("EncryptionInfo");
const ODS_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";

/**
 * A workbook in a format the SheetJS reader takes (src/xlsx/readSheetJs.ts): an OLE2 file that is not
 * an encrypted .xlsx (Excel 97–2003, or WPS's .et by its name), or an OpenDocument spreadsheet.
 */
export function otherFormatOf(file: string, bytes: Uint8Array): "xls" | "ods" | "et" | null {
  if (startsWith(bytes, CFB_MAGIC)) return includesBytes(bytes, ENCRYPTION_INFO) ? null : /\.et$/i.test(file) ? "et" : "xls";
  if (startsWith(bytes, ZIP_MAGIC) && headText(bytes).includes(ODS_MIMETYPE)) return "ods";
  return null;
}

/** Load .xlsx bytes, telling apart the usual ways a file is not a readable workbook. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new WorkbookReadError("文件是空的。", "The file is empty.");
  if (startsWith(bytes, CFB_MAGIC)) {
    if (includesBytes(bytes, ENCRYPTION_INFO)) {
      throw new WorkbookReadError(
        "工作簿设置了打开密码（已加密）：请在 Excel 中取消密码后另存为 .xlsx 再检查。",
        "The workbook is password-protected (encrypted): remove the password in Excel and save it again as .xlsx.",
      );
    }
    throw new WorkbookReadError(
      "这是旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
      "This is an old .xls file: save it as .xlsx in Excel or WPS first.",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError("不是 Excel 工作簿（.xlsx）文件。", "Not an Excel workbook (.xlsx).");
  }
  // A zip holds its file names in plain ASCII: an .xlsx names its workbook part.
  if (headText(bytes).includes(ODS_MIMETYPE)) {
    throw new WorkbookReadError(
      "这是 OpenDocument 表格（.ods）文件：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 后再检查。",
      "This is an OpenDocument spreadsheet (.ods): save it as .xlsx in WPS, LibreOffice or Excel first.",
    );
  }
  // A whole zip ends with its central directory (PK 05 06); a truncated one is damaged, said below.
  const whole = includesBytes(bytes.subarray(Math.max(0, bytes.length - 65_557)), new Uint8Array([0x50, 0x4b, 0x05, 0x06]));
  if (whole && !includesBytes(bytes, latin1("xl/workbook"))) {
    throw new WorkbookReadError(
      "这是一个压缩包，但其中没有 Excel 工作簿（可能是改了扩展名的 .zip、.docx 或其他文件）。",
      "This is a zip archive without an Excel workbook in it (perhaps a renamed .zip, .docx or other file).",
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const m = (e as Error).message ?? "";
    if (e instanceof RangeError || /Invalid (string|array|typed array) length|Map maximum size|allocation failed|heap/i.test(m)) {
      throw new WorkbookReadError(`工作表过大，无法读取（${m}）。`, `The workbook is too large to read (${m}).`);
    }
    throw new WorkbookReadError(
      `工作簿已损坏，无法读取（${(e as Error).message}）。`,
      `The workbook is damaged and cannot be read (${(e as Error).message}).`,
    );
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

/**
 * The most cells a snapshot holds. A form is a few thousand cells; a file that claims a used range of
 * millions (one stray value at XFD1048576) is read where its cells are, not as the rectangle it claims.
 */
export const MAX_SNAPSHOT_CELLS = 1_000_000;
const ROW_GAP = 100;
const COL_GAP = 50;

type Box = { top: number; left: number; bottom: number; right: number };

/** Runs of numbers no more than `gap` apart: the one holding the most weight. */
function densest(points: Array<{ at: number; weight: number }>, gap: number): { from: number; to: number } {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  let best = { from: sorted[0].at, to: sorted[0].at, weight: 0 };
  let cur = { from: sorted[0].at, to: sorted[0].at, weight: 0 };
  for (const p of sorted) {
    if (p.at - cur.to > gap) cur = { from: p.at, to: p.at, weight: 0 };
    cur.to = p.at;
    cur.weight += p.weight;
    if (cur.weight > best.weight) best = { ...cur };
  }
  return { from: best.from, to: best.to };
}

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
  return densestBox(cells);
}

/** The box around the densest cluster of occupied cells, at most MAX_SNAPSHOT_CELLS. */
function densestBox(cells: Array<{ r: number; c: number }>): Box | null {
  if (cells.length === 0) return null;
  const byRow = new Map<number, number>();
  for (const x of cells) byRow.set(x.r, (byRow.get(x.r) ?? 0) + 1);
  const rr = densest([...byRow].map(([at, weight]) => ({ at, weight })), ROW_GAP);
  const byCol = new Map<number, number>();
  for (const x of cells) if (x.r >= rr.from && x.r <= rr.to) byCol.set(x.c, (byCol.get(x.c) ?? 0) + 1);
  const cc = densest([...byCol].map(([at, weight]) => ({ at, weight })), COL_GAP);
  const width = cc.to - cc.from + 1;
  const bottom = Math.min(rr.to, rr.from + Math.floor(MAX_SNAPSHOT_CELLS / width) - 1);
  return { top: rr.from, left: cc.from, bottom, right: cc.to };
}

/**
 * The extent a snapshot reads, for a reader that gives occupied cells (not a used range): around the
 * cells and the merges, as Excel's used range is; where that is too large, the densest cluster of
 * cells, with `clipped` set so the merges are clipped to it.
 */
export function boundBox(cells: Array<{ r: number; c: number }>, merges: string[]): (Box & { clipped: boolean }) | null {
  if (cells.length === 0 && merges.length === 0) return null;
  const box: Box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  const take = (r: number, c: number) => {
    box.top = Math.min(box.top, r);
    box.left = Math.min(box.left, c);
    box.bottom = Math.max(box.bottom, r);
    box.right = Math.max(box.right, c);
  };
  for (const x of cells) take(x.r, x.c);
  for (const m of merges) {
    const r = parseRange(m);
    take(r.top, r.left);
    take(r.bottom, r.right);
  }
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) <= MAX_SNAPSHOT_CELLS) return { ...box, clipped: false };
  const dense = densestBox(cells);
  return dense ? { ...dense, clipped: true } : null;
}

/** The merges that touch the box, clipped to it (a merge A36:XFD1048576 becomes A36:…). */
export function clipMerges(merges: string[], box: Box): string[] {
  const out: string[] = [];
  for (const m of merges) {
    const r = parseRange(m);
    const top = Math.max(r.top, box.top);
    const left = Math.max(r.left, box.left);
    const bottom = Math.min(r.bottom, box.bottom);
    const right = Math.min(r.right, box.right);
    if (top > bottom || left > right || (top === bottom && left === right)) continue;
    out.push(rangeToA1({ top, left, bottom, right }));
  }
  return out;
}

/** One worksheet as a snapshot: the used range, as Office.js would give it. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  let merges = mergedRanges(ws);
  let dims: Box | null = ws.rowCount > 0 ? ws.dimensions : null;
  if (dims && dims.top && (dims.bottom - dims.top + 1) * (dims.right - dims.left + 1) > MAX_SNAPSHOT_CELLS) {
    dims = occupiedBox(ws);
    if (dims) merges = clipMerges(merges, dims);
  }
  const protectedSheet = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  const recalc = !!(ws.workbook as unknown as { calcProperties?: { fullCalcOnLoad?: boolean } }).calcProperties?.fullCalcOnLoad;
  const flags = { protected: protectedSheet, ...(recalc ? { recalculatesOnLoad: true } : {}) };
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

