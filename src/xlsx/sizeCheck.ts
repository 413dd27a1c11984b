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

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

export interface ZipEntry {
  name: string;
  size: number;
}

/** The entries a zip declares (names and uncompressed sizes, zip64 included), read from its central directory; null if there is none. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // The end-of-central-directory record: in the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  // Zip64: the locator just before points at the zip64 end record.
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const rec = Number(u64(bytes, eocd - 12));
    if (rec + 56 <= bytes.length && u32(bytes, rec) === 0x06064b50) {
      count = Number(u64(bytes, rec + 32));
      offset = Number(u64(bytes, rec + 48));
    }
  }
  const out: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder("utf-8");
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (u32(bytes, p) !== 0x02014b50) break;
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff) {
      // The zip64 extended information extra field (id 1) holds the real size first.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1 && len >= 8) {
          size = u64(bytes, e + 4);
          break;
        }
        e += 4 + len;
      }
    }
    out.push({ name, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The bytes of declared content a reader may inflate for a file, given the memory one file may use: a quarter of it (text is held twice, as UTF-16, and parsed). */
export const inflateBudget = (memoryMb: number) => Math.floor((memoryMb * 1024 * 1024) / 4);

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
