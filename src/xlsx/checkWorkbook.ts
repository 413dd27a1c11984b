import fs from "node:fs/promises";
import JSZip from "jszip";
import { analyzeSheet, type SheetResult } from "../core/engine";
import { applyWrites, planCheck, planFill } from "../core/fill";
import type { CellWrite } from "../core/plan";
import type { SettingsInput } from "../core/settings";
import { applyPlan } from "./applyPlan";
import { loadWorkbook, snapshotOf, WorkbookReadError } from "./readWorkbook";

export interface FileResult {
  file: string;
  error?: { zh: string; en: string };
  sheets: Array<SheetResult & { written?: CellWrite[] }>;
  /** Where the filled copy went, with --fix. */
  out?: string;
}

export interface CheckOptions {
  settings?: SettingsInput;
  /** Fill and mark a copy written to this path; the input is never touched. */
  fixOut?: string;
  /** Mark a copy without filling (what the add-in's 检查 does). */
  markOut?: string;
  /** Puts the copy's bytes in place (the command writes whole files, never over an input). */
  writeCopy?: (out: string, bytes: Uint8Array) => void | Promise<void>;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError("文件不存在。", "The file does not exist.");
    if (code === "EISDIR") throw new WorkbookReadError("这是一个文件夹，不是工作簿。", "This is a folder, not a workbook.");
    if (code === "EACCES") throw new WorkbookReadError("没有读取该文件的权限。", "No permission to read the file.");
    throw new WorkbookReadError(`无法读取文件（${code ?? (e as Error).message}）。`, `Cannot read the file (${code ?? (e as Error).message}).`);
  }
}

const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";

/** An .xltx says so in its content types; ExcelJS writes every copy as a workbook. */
async function isTemplate(file: string): Promise<boolean> {
  if (!/\.xltx$/i.test(file)) return false;
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return ((await zip.file("[Content_Types].xml")?.async("string")) ?? "").includes(TEMPLATE_TYPE);
}

async function asTemplate(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.split(WORKBOOK_TYPE).join(TEMPLATE_TYPE));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Check every sheet of one .xlsx file; with fixOut, also write the filled copy. */
export async function checkWorkbook(file: string, opts: CheckOptions = {}): Promise<FileResult> {
  let wb;
  try {
    wb = await loadWorkbook(await readBytes(file));
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: { zh: e.zh, en: e.en }, sheets: [] };
    throw e;
  }
  const sheets: FileResult["sheets"] = [];
  const out = opts.fixOut ?? opts.markOut;
  for (const ws of wb.worksheets) {
    const snap = snapshotOf(ws);
    if (!out) {
      sheets.push(analyzeSheet(snap, opts.settings));
      continue;
    }
    if (opts.fixOut) {
      const { plan, after } = planFill(snap, opts.settings);
      // A protected sheet gets an empty plan; it is not touched at all (not even to clear old marks).
      const applied = after.kind !== "none" && !snap.protected ? applyPlan(ws, plan).written : [];
      const written = plan.writes.filter((w) => applied.includes(w.cell));
      // A cell the copy kept (a space a person typed): report the sheet as it now is.
      const now = written.length < plan.writes.length ? analyzeSheet(applyWrites(snap, written), opts.settings) : after;
      sheets.push({ ...now, written });
    } else {
      const { plan, result } = planCheck(snap, opts.settings);
      if (result.kind !== "none" && !snap.protected) applyPlan(ws, plan);
      sheets.push(result);
    }
  }
  if (out) {
    // Formulas over the filled cells (a total as =SUM(...)) are recalculated when the copy opens.
    if (sheets.some((s) => (s.written?.length ?? 0) > 0)) wb.calcProperties.fullCalcOnLoad = true;
    let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    if (await isTemplate(file)) bytes = await asTemplate(bytes);
    try {
      if (opts.writeCopy) await opts.writeCopy(out, bytes);
      else await fs.writeFile(out, bytes);
    } catch (e) {
      const m = e as { zh?: string; en?: string; message?: string };
      return { file, sheets, error: { zh: m.zh ?? `未能写出副本：${m.message}`, en: m.en ?? `The copy could not be written: ${m.message}` } };
    }
  }
  return { file, sheets, ...(out ? { out } : {}) };
}
