import fs from "node:fs";
import { checkWorkbookBytes, type FileResult } from "./checkBytes";
import type { Finding } from "../core/rules/types";
import type { SettingsInput } from "../core/settings";
import { libraryReason, WorkbookReadError } from "./sniff";

export type { FileResult } from "./checkBytes";

interface CheckOptions {
  settings?: SettingsInput;
  /** Fill and mark a copy written to this path; the input is never touched. */
  fixOut?: string;
  /** Mark a copy without filling (what the add-in's 检查 does). */
  markOut?: string;
  /** With fixOut: the copy to submit, without marks and notes (the add-in's earlier ones taken away). */
  clean?: boolean;
  /** Puts the copy's bytes in place (the command writes whole files, never over an input). */
  writeCopy?: (out: string, bytes: Uint8Array) => void | Promise<void>;
  /** Findings from beyond the workbook (the cross-check), by sheet, marked in the copy too. */
  extraFindings?: Record<string, Finding[]>;
  /** The memory the file may use, in MB (--file-memory): its declared size is held to it before reading. */
  memoryMb?: number;
}

/**
 * The file's bytes, read at once: a worker checks one file at a time, and an asynchronous read is four
 * round trips through libuv's thread pool (open, stat, read, close) during which the worker idles.
 */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError("文件不存在。", "The file does not exist.");
    if (code === "EISDIR") throw new WorkbookReadError("这是一个文件夹，不是工作簿。", "This is a folder, not a workbook.");
    if (code === "EACCES") throw new WorkbookReadError("没有读取该文件的权限。", "No permission to read the file.");
    throw new WorkbookReadError(`无法读取文件（${code ? `系统错误 ${code}` : libraryReason((e as Error).message).zh}）。`, `Cannot read the file (${code ?? (e as Error).message}).`);
  }
}

/**
 * Check every sheet of one workbook file; with fixOut or markOut, also write the copy. The checking
 * is src/xlsx/checkBytes.ts's, shared with the web checker; this adds the files.
 */
export async function checkWorkbook(file: string, opts: CheckOptions = {}): Promise<FileResult> {
  let bytes: Buffer;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: { zh: e.zh, en: e.en }, sheets: [] };
    throw e;
  }
  const out = opts.fixOut ?? opts.markOut;
  const checked = await checkWorkbookBytes(file, bytes, {
    settings: opts.settings,
    ...(out ? { copy: opts.fixOut ? "fill" : "mark" } : {}),
    ...(opts.clean ? { clean: true } : {}),
    ...(opts.extraFindings ? { extraFindings: opts.extraFindings } : {}),
    ...(opts.memoryMb ? { memoryMb: opts.memoryMb } : {}),
  });
  const { result, copy } = checked;
  if (!out || !copy) return result;
  try {
    if (opts.writeCopy) await opts.writeCopy(out, copy);
    else await fs.promises.writeFile(out, copy);
  } catch (e) {
    const m = e as { zh?: string; en?: string; message?: string };
    // The copy's note (another format, notes not written) concerns a copy that does not exist.
    return { file, sheets: result.sheets, error: { zh: m.zh ?? `未能写出副本：${m.message}`, en: m.en ?? `The copy could not be written: ${m.message}` } };
  }
  return { ...result, out };
}
