import fs from "node:fs/promises";
import { analyzeSheet, type SheetResult } from "../core/engine";
import { applyWrites, planCheck, planFill } from "../core/fill";
import type { CellWrite, WritePlan } from "../core/plan";
import type { SettingsInput } from "../core/settings";
import type { SheetSnapshot } from "../core/snapshot";
import { fillPackage, PackageShapeError, type SheetFill } from "./package/fillPackage";
import { XmlShapeError } from "./package/xml";
import { asXlsx, FORMAT_LABEL, readOtherFormat, type OtherFormat } from "./readSheetJs";
import { loadWorkbook, otherFormatOf, snapshotOf, WorkbookReadError } from "./readWorkbook";

export interface FileResult {
  file: string;
  error?: { zh: string; en: string };
  /** Something the person should know that is not an error (a copy saved in another format). */
  note?: { zh: string; en: string };
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

/** Check every sheet of one workbook file; with fixOut or markOut, also write the copy. */
export async function checkWorkbook(file: string, opts: CheckOptions = {}): Promise<FileResult> {
  let snaps: SheetSnapshot[];
  let bytes: Buffer;
  let format: OtherFormat | null = null;
  let convert: (() => Uint8Array) | null = null;
  try {
    bytes = await readBytes(file);
    format = otherFormatOf(file, bytes);
    if (format) {
      const read = await readOtherFormat(bytes, format);
      snaps = read.snapshots;
      convert = () => asXlsx(read.lib, read.workbook);
    } else snaps = (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws));
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: { zh: e.zh, en: e.en }, sheets: [] };
    throw e;
  }
  const out = opts.fixOut ?? opts.markOut;
  const planned: Array<{ snap: SheetSnapshot; result: SheetResult; plan?: WritePlan }> = [];
  for (const snap of snaps) {
    if (!out) planned.push({ snap, result: analyzeSheet(snap, opts.settings) });
    else if (opts.fixOut) {
      const { plan, after } = planFill(snap, opts.settings);
      // A protected sheet, or one with no form, is not touched at all (not even to clear old marks).
      planned.push({ snap, result: after, ...(after.kind !== "none" && !snap.protected ? { plan } : {}) });
    } else {
      const { plan, result } = planCheck(snap, opts.settings);
      planned.push({ snap, result, ...(result.kind !== "none" && !snap.protected ? { plan: { writes: [], marks: plan.marks } } : {}) });
    }
  }
  if (!out) return { file, sheets: planned.map((p) => p.result) };

  const fills: SheetFill[] = planned.filter((p) => p.plan).map((p) => ({ sheet: p.snap.name, writes: p.plan!.writes, marks: p.plan!.marks }));
  let filled;
  try {
    // A workbook in another format is filled in an .xlsx made from it: its data, formulas, merges
    // and number formats, not its fonts, borders and colours.
    filled = await fillPackage(convert ? convert() : bytes, fills);
  } catch (e) {
    if (!(e instanceof PackageShapeError || e instanceof XmlShapeError)) throw e;
    return {
      file,
      sheets: planned.map((p) => analyzeSheet(p.snap, opts.settings)),
      error: { zh: `工作簿的结构无法安全编辑，未写出副本（${e.message}）。`, en: `The workbook's structure cannot be edited safely, so no copy was written (${e.message}).` },
    };
  }
  const sheets: FileResult["sheets"] = planned.map((p) => {
    if (!opts.fixOut) return p.result;
    const done = filled.sheets.get(p.snap.name);
    const written = (p.plan?.writes ?? []).filter((w) => done?.written.includes(w.cell));
    // A cell the copy kept (a space a person typed): report the sheet as it now is.
    const now = written.length < (p.plan?.writes.length ?? 0) ? analyzeSheet(applyWrites(p.snap, written), opts.settings) : p.result;
    return { ...now, written };
  });
  try {
    if (opts.writeCopy) await opts.writeCopy(out, filled.bytes);
    else await fs.writeFile(out, filled.bytes);
  } catch (e) {
    const m = e as { zh?: string; en?: string; message?: string };
    return { file, sheets, error: { zh: m.zh ?? `未能写出副本：${m.message}`, en: m.en ?? `The copy could not be written: ${m.message}` } };
  }
  const notes: Array<{ zh: string; en: string }> = [];
  if (format) {
    notes.push({
      zh: `原文件是${FORMAT_LABEL[format].zh}，副本另存为 .xlsx：保留数据、公式、合并单元格和数字格式，不保留字体、边框和颜色。`,
      en: `The original is an ${FORMAT_LABEL[format].en}; the copy is an .xlsx with its data, formulas, merged cells and number formats, but not its fonts, borders and colours.`,
    });
  }
  // A sheet whose drawing could not be read got its marks but no notes: said, not silently dropped.
  const noNotes = [...filled.sheets].filter(([, x]) => x.notesUnwritable).map(([name]) => name);
  if (noNotes.length > 0) {
    notes.push({
      zh: `工作表「${noNotes.join("」「")}」原有的批注图形无法读取，副本中只写入了标记，未写入批注。`,
      en: `The existing drawing of sheet(s) ${noNotes.join(", ")} could not be read: the copy has the marks there but no notes.`,
    });
  }
  const note = notes.length > 0 ? { zh: notes.map((n) => n.zh).join(""), en: notes.map((n) => n.en).join(" ") } : undefined;
  return { file, sheets, out, ...(note ? { note } : {}) };
}
