import type * as XLSXTypes from "@e965/xlsx";
import { rangeToA1 } from "../core/address";
import { dateShown, displayText, isDateFormat } from "../core/numberFormat";
import { validSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { zhCnDate } from "./dates";
import { boundBox, clipMerges, MAX_SNAPSHOT_CELLS, sheetEn, sheetZh } from "./extent";
import { libraryReason, WorkbookReadError } from "./sniff";

/**
 * Excel 97–2003 (.xls), OpenDocument (.ods) and WPS (.et) workbooks, read with SheetJS into the same
 * snapshot the .xlsx reader makes (README: why this library, and which build). Values, number
 * formats, formulas and merges come from the file; the displayed text is built by the same
 * displayText as for .xlsx, so a form reads alike whatever format it was saved in.
 */

export type OtherFormat = "xls" | "ods" | "et";

export const FORMAT_LABEL: Record<OtherFormat, { zh: string; en: string }> = {
  xls: { zh: "Excel 97–2003 工作簿（.xls）", en: "Excel 97–2003 workbook (.xls)" },
  ods: { zh: "OpenDocument 表格（.ods）", en: "OpenDocument spreadsheet (.ods)" },
  et: { zh: "WPS 表格（.et）", en: "WPS spreadsheet (.et)" },
};

type Lib = typeof XLSXTypes;
let lib: Lib | null = null;

/** SheetJS is loaded only when a file needs it: checking .xlsx files never pays for it. */
async function sheetJs(): Promise<Lib> {
  lib ??= (await import("@e965/xlsx")) as Lib;
  return lib;
}

/**
 * SheetJS writes notes of its own to console.error while reading ("ODS number format may be
 * incorrect: value()&gt;0" for LibreOffice's conditional formats): words for its developers, not for
 * an officer's terminal or the page's console. The read is synchronous, so nothing else is silenced.
 */
function quietly<T>(read: () => T): T {
  const original = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = original;
  }
}

/** Read the workbook's sheets; a file SheetJS cannot read is a WorkbookReadError in the officer's words. */
export async function readOtherFormat(bytes: Uint8Array, format: OtherFormat): Promise<{ snapshots: SheetSnapshot[]; workbook: XLSXTypes.WorkBook; lib: Lib }> {
  const XLSX = await sheetJs();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = quietly(() => XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true, cellText: false, cellDates: false, cellHTML: false, cellStyles: false }));
  } catch (e) {
    const m = (e as Error).message ?? String(e);
    if (/password|encrypt/i.test(m)) {
      throw new WorkbookReadError("工作簿设置了打开密码（已加密）：请取消密码后另存再检查。", "The workbook is password-protected (encrypted): remove the password and save it again.");
    }
    const why = libraryReason(m);
    throw new WorkbookReadError(`${FORMAT_LABEL[format].zh}已损坏，无法读取（${why.zh}）。`, `The ${FORMAT_LABEL[format].en} is damaged and cannot be read (${why.en}).`);
  }
  // A workbook of the 1904 date system counts its dates from 1904-01-01: held as the 1900 system's serials, as the .xlsx reader holds them.
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const snapshots = wb.SheetNames.filter((name) => wb.Sheets[name] && !isChartsheet(wb, name)).map((name) => snapshotOfSheet(XLSX, name, wb.Sheets[name], date1904, isHidden(wb, name)));
  return { snapshots, workbook: wb, lib: XLSX };
}

function isChartsheet(wb: XLSXTypes.WorkBook, name: string): boolean {
  const sheet = wb.Workbook?.Sheets?.find((s) => s.name === name) as { sheetType?: string } | undefined;
  return sheet?.sheetType === "chart";
}

function snapshotOfSheet(XLSX: Lib, name: string, ws: XLSXTypes.WorkSheet, date1904: boolean, hidden: boolean): SheetSnapshot {
  const snap = unvalidatedSnapshot(XLSX, name, ws, date1904);
  return validSnapshot(hidden ? { ...snap, hidden: true } : snap);
}

/** Whether the workbook hides a sheet (SheetJS: Hidden 1, or 2 for very hidden). */
function isHidden(wb: XLSXTypes.WorkBook, name: string): boolean {
  return !!wb.Workbook?.Sheets?.find((s) => s.name === name)?.Hidden;
}

function unvalidatedSnapshot(XLSX: Lib, name: string, ws: XLSXTypes.WorkSheet, date1904: boolean): SheetSnapshot {
  const cells: Array<{ r: number; c: number; cell: XLSXTypes.CellObject }> = [];
  for (const key of Object.keys(ws)) {
    if (key[0] === "!") continue;
    const cell = ws[key] as XLSXTypes.CellObject;
    if (cell.t === "z") continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    cells.push({ r: r + 1, c: c + 1, cell });
  }
  let merges = ((ws["!merges"] ?? []) as XLSXTypes.Range[]).map((m) => rangeToA1({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
  const protectedSheet = !!ws["!protect"];
  const box = boundBox(cells.map((x) => ({ r: x.r, c: x.c })), merges, name);
  if (!box) return { name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges, protected: protectedSheet };
  if (box.clipped) merges = clipMerges(merges, box);
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (rows * cols > MAX_SNAPSHOT_CELLS) throw new WorkbookReadError(`${sheetZh(name)}过大，无法读取。`, `${sheetEn(name)} is too large to read.`);
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const text: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill(""));
  const numberFormats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  const formulas: Array<Array<string | null>> = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
  for (const { r, c, cell } of cells) {
    if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
    const i = r - box.top;
    const j = c - box.left;
    const format = typeof cell.z === "string" ? zhCnDate(cell.z) : "General";
    const dated = cell.t === "n" && typeof cell.v === "number" && isDateFormat(format);
    const value: CellValue =
      cell.t === "e" ? (cell.w ?? XLSX.utils.format_cell(cell)) : cell.v === undefined || cell.v === "" ? null : dated && date1904 ? (cell.v as number) + 1462 : (cell.v as CellValue);
    values[i][j] = value;
    numberFormats[i][j] = format;
    formulas[i][j] = cell.f ? `=${cell.f}` : null;
    text[i][j] = dated ? dateShown(value as number, format) : displayText(value, format);
  }
  return { name, origin: { row: box.top, col: box.left }, values, text, numberFormats, formulas, merges, protected: protectedSheet };
}

/** The workbook as .xlsx bytes: what `--fix` fills when the original is .xls, .ods or .et. */
export function asXlsx(XLSX: Lib, workbook: XLSXTypes.WorkBook): Uint8Array {
  return new Uint8Array(XLSX.write(workbook, { type: "array", bookType: "xlsx", cellStyles: false }) as ArrayBuffer);
}

/** A note (comment) a person left in an .xls, .ods or .et: kept in its .xlsx copy. */
interface UserNote {
  sheet: string;
  cell: string;
  text: string;
  author: string;
}

/**
 * The workbook's notes, taken out of it before SheetJS writes the .xlsx copy (which would write them
 * with the binary format's trailing bytes as `_x0000_` text, or not at all): their text up to the
 * first NUL, without other control characters, so the copy gets them clean (src/xlsx/package/userNotes.ts).
 */
export function takeNotes(XLSX: Lib, workbook: XLSXTypes.WorkBook): UserNote[] {
  const out: UserNote[] = [];
  for (const sheet of workbook.SheetNames) {
    const ws = workbook.Sheets[sheet];
    if (!ws) continue;
    for (const key of Object.keys(ws)) {
      if (key[0] === "!") continue;
      const cell = ws[key] as XLSXTypes.CellObject & { c?: Array<{ a?: string; t?: string }> };
      if (!cell.c || cell.c.length === 0) continue;
      // eslint-disable-next-line no-control-regex -- the binary format's padding after the text
      const clean = (t: string) => t.split("\u0000")[0].replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g, "").trim();
      const text = cell.c.map((c) => clean(c.t ?? "")).filter((t) => t !== "").join("\n");
      const author = clean(cell.c.find((c) => clean(c.a ?? "") !== "")?.a ?? "");
      if (text !== "") out.push({ sheet, cell: XLSX.utils.encode_cell(XLSX.utils.decode_cell(key)), text, author });
      delete cell.c;
    }
  }
  return out;
}
