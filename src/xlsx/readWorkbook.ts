import ExcelJS from "exceljs";

import { formatNumber } from "../core/numberFormat";
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

function utf16(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

/** Load .xlsx bytes, telling apart the usual ways a file is not a readable workbook. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new WorkbookReadError("文件是空的。", "The file is empty.");
  if (startsWith(bytes, CFB_MAGIC)) {
    if (bytes.includes(utf16("EncryptionInfo"))) {
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
  const head = bytes.subarray(0, 200).toString("latin1");
  if (head.includes("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) {
    throw new WorkbookReadError(
      "这是 OpenDocument 表格（.ods）文件：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 后再检查。",
      "This is an OpenDocument spreadsheet (.ods): save it as .xlsx in WPS, LibreOffice or Excel first.",
    );
  }
  // A whole zip ends with its central directory (PK 05 06); a truncated one is damaged, said below.
  const whole = bytes.subarray(Math.max(0, bytes.length - 65_557)).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (whole && !bytes.includes(Buffer.from("xl/workbook", "latin1"))) {
    throw new WorkbookReadError(
      "这是一个压缩包，但其中没有 Excel 工作簿（可能是改了扩展名的 .zip、.docx 或其他文件）。",
      "This is a zip archive without an Excel workbook in it (perhaps a renamed .zip, .docx or other file).",
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(
      `工作簿已损坏，无法读取（${(e as Error).message}）。`,
      `The workbook is damaged and cannot be read (${(e as Error).message}).`,
    );
  }
  return wb;
}

const EMPTY: CellRead = { value: null, formula: null, numberFormat: "General" };

/** One worksheet as a snapshot: the used range, as Office.js would give it. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = mergedRanges(ws);
  const dims = ws.rowCount > 0 ? ws.dimensions : null;
  const protectedSheet = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  if (!dims || !dims.top) {
    return { name: ws.name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges, protected: protectedSheet };
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
      tr.push(read.dateText ?? (read.value === null ? "" : typeof read.value === "number" ? formatNumber(read.value, read.numberFormat) : String(read.value)));
    }
    values.push(vr);
    text.push(tr);
    numberFormats.push(nr);
    formulas.push(fr);
  }
  return { name: ws.name, origin: { row: top, col: left }, values, text, numberFormats, formulas, merges, protected: protectedSheet };
}

export function snapshotsOf(wb: ExcelJS.Workbook): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    out.push(snapshotOf(ws));
  });
  return out;
}

