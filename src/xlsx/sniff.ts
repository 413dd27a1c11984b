/**
 * What kind of file a workbook's bytes are, and why one cannot be read, before any reader is loaded:
 * the checks both .xlsx readers (src/xlsx/readPackage.ts, ExcelJS in readWorkbook.ts) share. No Node
 * API and no ExcelJS here.
 */
import { directoryBytes } from "./package/centralDirectory";

/** What a person can do about a package damaged so: have it written again. */
export const AGAIN = { zh: "请用生成该文件的程序重新导出或另存后再试。", en: "Export or save it again from the program that made it." };

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
function includesBytes(hay: Uint8Array, needle: Uint8Array): boolean {
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

/** The usual ways a file is not a readable .xlsx, told apart before any reader is asked (WorkbookReadError). */
export function precheck(bytes: Uint8Array): void {
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
  if (whole && !namesWorkbook(bytes)) {
    throw new WorkbookReadError(
      "这是一个压缩包，但其中没有 Excel 工作簿（可能是改了扩展名的 .zip、.docx 或其他文件）。",
      "This is a zip archive without an Excel workbook in it (perhaps a renamed .zip, .docx or other file).",
    );
  }
}

/**
 * Whether the zip names a workbook part anywhere in its bytes. Its central directory, at the end,
 * answers yes without the scan of the whole file (a form with a 20 MB photo in it took 12 ms to scan);
 * a no from the directory is not trusted, the bytes are scanned as before.
 */
function namesWorkbook(bytes: Uint8Array): boolean {
  const name = latin1("xl/workbook");
  const directory = directoryBytes(bytes);
  return (directory !== null && includesBytes(directory, name)) || includesBytes(bytes, name);
}

/**
 * A library's own error message (JSZip, ExcelJS, saxes, SheetJS — English, sometimes cryptic: "Bug :
 * uncompressed data size mismatch") as the reason a person reads: a Chinese description, with the
 * library's words kept in the English text for whoever looks into the file.
 */
const LIBRARY_REASONS: Array<[RegExp, string]> = [
  [/uncompressed data size mismatch|crc32|corrupted zip|invalid (distance|code|block|stored)|central directory|zip64|unexpected end of (data|file)|bad compressed data/i, "压缩数据损坏或不完整"],
  [/encrypt|password/i, "文件已加密"],
  [/invalid (string|array|typed array) length|heap|allocation failed|map maximum size|out of memory/i, "文件过大"],
  [/cannot find|can't find|missing|not found/i, "缺少必需的部件"],
  [/xml|unclosed|unexpected (close|end) tag|not well-formed|text data outside|attribute|entity|doctype|closes </i, "内部 XML 不合规范"],
  [/timeout|timed out/i, "读取超时"],
];

export function libraryReason(message: string): { zh: string; en: string } {
  const m = message.trim() || "unknown error";
  return { zh: LIBRARY_REASONS.find(([re]) => re.test(m))?.[1] ?? "内部结构无法识别", en: m };
}
