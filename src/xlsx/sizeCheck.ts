/**
 * What a file will cost to read, known before any reader inflates it (issue 15 §5): the sizes its zip
 * declares in the central directory, and for OpenDocument the cells its repeat attributes stand for
 * (`number-rows-repeated="1000000"` over `number-columns-repeated="1000"` is a billion cells in 4 KB).
 * A file past the budget is refused in words; no reader ever holds it. No Node API: the web checker
 * uses it too.
 */
import { CLOSE, DONE, OPEN, XmlScanner } from "./package/xmlScan";
import { MAX_SNAPSHOT_CELLS } from "./extent";
import { WorkbookReadError } from "./sniff";
import { centralDirectory } from "./package/zip";

export interface ZipEntry {
  name: string;
  size: number;
}

/** The entries a zip declares (names and uncompressed sizes, zip64 included), read from its central directory; null if there is none. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  return centralDirectory(bytes)?.map((e) => ({ name: e.name, size: e.size })) ?? null;
}

/** The bytes of declared content a reader may inflate for a file, given the memory one file may use: a quarter of it (text is held twice, as UTF-16, and parsed). */
const inflateBudget = (memoryMb: number) => Math.floor((memoryMb * 1024 * 1024) / 4);

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);

/** Refuses a zip whose declared content is past the budget, before anything is inflated. */
export function checkDeclaredSize(bytes: Uint8Array, memoryMb: number): void {
  const entries = zipEntries(bytes);
  if (!entries) return;
  const total = entries.reduce((a, e) => a + e.size, 0);
  const budget = inflateBudget(memoryMb);
  if (total > budget) {
    const largest = entries.reduce((a, e) => (e.size > a.size ? e : a));
    throw new WorkbookReadError(
      `文件解压后约 ${mb(total)} MB（其中 ${largest.name} 约 ${mb(largest.size)} MB），超出每个文件可用的内存（${memoryMb} MB），未读取。`,
      `The file unpacks to about ${mb(total)} MB (${largest.name} alone about ${mb(largest.size)} MB), more than one file may use (${memoryMb} MB): not read.`,
    );
  }
}

/**
 * The cells an OpenDocument spreadsheet's content stands for, repeats multiplied out (cells with a
 * value or text only, as a reader keeps them); stops counting past `limit`.
 */
export function odsCellCount(contentXml: string, limit: number): number {
  const sc = new XmlScanner(contentXml);
  let cells = 0;
  let rowRepeat = 1;
  let cellRepeat = 1;
  let cellHasValue = false;
  let cellDepth = -1;
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k === OPEN) {
      if (sc.name === "table-row") rowRepeat = Math.max(1, Number(sc.attr("table:number-rows-repeated") ?? 1) || 1);
      else if (sc.name === "table-cell" || sc.name === "covered-table-cell") {
        cellRepeat = Math.max(1, Number(sc.attr("table:number-columns-repeated") ?? 1) || 1);
        cellHasValue = sc.attr("office:value-type") !== undefined || sc.attr("table:formula") !== undefined;
        cellDepth = sc.path.length;
      } else if (cellDepth > 0 && sc.path.length > cellDepth) cellHasValue = true;
    } else if (k === CLOSE && sc.path.length === cellDepth - 1 && (sc.name === "table-cell" || sc.name === "covered-table-cell")) {
      if (cellHasValue) cells += rowRepeat * cellRepeat;
      cellDepth = -1;
      if (cells > limit) return cells;
    }
  }
  return cells;
}

/** Refuses an .ods whose content stands for more cells than a sheet is read with (the .xls and .xlsx readers' limit). */
export function checkOdsCells(contentXml: string): void {
  const limit = MAX_SNAPSHOT_CELLS * 4;
  const cells = odsCellCount(contentXml, limit);
  if (cells > limit) {
    throw new WorkbookReadError(
      `工作表过大，无法读取：其重复行列相当于 ${cells > 1e8 ? "上亿" : "数百万"}个单元格。`,
      `The sheet is too large to read: its repeated rows and columns stand for ${cells > 1e8 ? "hundreds of millions of" : "millions of"} cells.`,
    );
  }
}
