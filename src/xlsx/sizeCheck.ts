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
import { centralDirectory } from "./package/centralDirectory";
import type { InflateGuard } from "./package/zip";

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

/**
 * What the package reader never inflates: pictures and embedded files (a pasted photo or scan, an
 * attached document), under the folders Excel, WPS and LibreOffice keep them in or by their type. A
 * fill copies them as they are stored. Their declared sizes count only for a reader that inflates
 * everything (ExcelJS, SheetJS); the package reader's guard (readerGuard) counts what it does read,
 * whatever a hostile file names it.
 */
const MEDIA = /^(?:xl\/(?:media|embeddings)\/|.*\.(?:png|jpe?g|gif|bmp|dib|tiff?|emf|wmf|emz|wmz|ico|svg|webp|bin|pdf|ole|mp[34]|wav|avi|docx?|xlsx?|pptx?)$)/i;

/**
 * A file past what it may unpack, refused: `size` says how far past, for the words of whoever meets it
 * (a reading: 未读取; a fill that met it in the parts only a copy reads: no copy written).
 */
export class UnpackLimitError extends WorkbookReadError {
  constructor(readonly size: { zh: string; en: string }) {
    super(`${size.zh}，未读取。`, `${size.en}: not read.`);
  }
}

/** The refusal, with the largest entry declared (before reading) or the entry reading reached (the guard). */
function tooLarge(memoryMb: number, total: number, largest: ZipEntry | null, reached?: string): UnpackLimitError {
  const budget = mb(inflateBudget(memoryMb));
  const part = largest
    ? { zh: `约 ${mb(total)} MB（其中 ${largest.name} 约 ${mb(largest.size)} MB）`, en: `about ${mb(total)} MB (${largest.name} alone about ${mb(largest.size)} MB)` }
    : { zh: `至少 ${mb(total)} MB（读到 ${reached} 时）`, en: `at least ${mb(total)} MB (on reaching ${reached})` };
  return new UnpackLimitError({
    zh: `文件解压后${part.zh}，超过每个文件可解压的 ${budget} MB（每个文件可用内存 ${memoryMb} MB 的四分之一）`,
    en: `The file unpacks to ${part.en}, more than the ${budget} MB one file may unpack (a quarter of the ${memoryMb} MB it may use)`,
  });
}

/**
 * Refuses a zip whose declared content is past the budget, before anything is inflated: every entry
 * (for a reader that inflates them all), or with `forPackageReader` all but its pictures and embedded
 * files, which that reader leaves stored (a form with hundreds of MB of pasted bitmaps is read).
 */
export function checkDeclaredSize(bytes: Uint8Array, memoryMb: number, forPackageReader = false): void {
  const all = zipEntries(bytes);
  if (!all) return;
  const entries = forPackageReader ? all.filter((e) => !MEDIA.test(e.name)) : all;
  const total = entries.reduce((a, e) => a + e.size, 0);
  if (total > inflateBudget(memoryMb)) throw tooLarge(memoryMb, total, entries.reduce((a, e) => (e.size > a.size ? e : a)));
}

/** The package reader's hold on what it inflates of a file (the entries it reads, by their declared sizes), in the same words. */
export function readerGuard(memoryMb: number): InflateGuard {
  return { limit: inflateBudget(memoryMb), exceeded: (entry, total) => tooLarge(memoryMb, total, null, entry) };
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
