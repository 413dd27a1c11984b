import { analyzeSheet, type SheetResult } from "../core/engine";
import { applyWrites, planCheck, planFill } from "../core/fill";
import { marksFor, type CellWrite, type WritePlan } from "../core/plan";
import type { Finding } from "../core/rules/types";
import type { SettingsInput } from "../core/settings";
import type { SheetSnapshot } from "../core/snapshot";
import { fillPackage, PackageShapeError, type SheetFill } from "./package/fillPackage";
import { XmlShapeError } from "./package/xml";
import { asXlsx, FORMAT_LABEL, readOtherFormat, takeNotes, type OtherFormat } from "./readSheetJs";
import { restoreNotes } from "./package/userNotes";
import { readWorkbookSnapshots } from "./readPackage";
import { openWorkbook, type OpenedWorkbook } from "./package/workbook";
import { otherFormatOf, precheck, WorkbookReadError } from "./sniff";
import { checkDeclaredSize, checkOdsCells, readerGuard, UnpackLimitError } from "./sizeCheck";
import { Package } from "./package/opc";

/**
 * An .xlsx as snapshots: the package reader, and ExcelJS (loaded only then) for what it leaves — so
 * checking a usual form never loads ExcelJS. The opened workbook comes back with them, for a fill to
 * edit without opening the package again.
 */
async function readXlsx(bytes: Uint8Array, toFill: boolean, memoryMb: number): Promise<{ snaps: SheetSnapshot[]; book?: OpenedWorkbook }> {
  precheck(bytes);
  try {
    // What the reader inflates is held to the file's memory as it reads (its pictures it never inflates).
    const book = await openWorkbook(bytes, readerGuard(memoryMb));
    // A fill edits the cells where the reader found them (the sheet is not walked again).
    if (toFill) book.cellSpans = new Map();
    // A sheet that can hold no form (a 资金明细 of thousands of rows) is not read cell by cell.
    return { snaps: readWorkbookSnapshots(book, { screen: true }), book };
  } catch (e) {
    // A package no program can read (a sheet outside it) is said so; what the reader leaves by design
    // (UnreadHere), and anything else it met, is left to ExcelJS, which reads it or says why not.
    if (e instanceof WorkbookReadError) throw e;
  }
  // ExcelJS inflates every entry, pictures included: the whole declared content is held to the budget.
  checkDeclaredSize(bytes, memoryMb);
  const { loadWorkbook, snapshotOf } = await import("./readWorkbook");
  return { snaps: (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws)) };
}

/**
 * One workbook checked from its bytes, in memory: what the command (src/xlsx/checkWorkbook.ts, which
 * reads and writes files) and the web checker (src/web, in the browser) share. No Node API here.
 */

export interface FileResult {
  file: string;
  error?: { zh: string; en: string };
  /** Something the person should know that is not an error (a copy saved in another format). */
  note?: { zh: string; en: string };
  sheets: Array<SheetResult & { written?: CellWrite[] }>;
  /** Where the filled copy went, with --fix. */
  out?: string;
}

interface BytesOptions {
  settings?: SettingsInput;
  /** `fill`: fill and mark a copy (--fix); `mark`: mark a copy without filling (--mark, the add-in's 检查). */
  copy?: "fill" | "mark";
  /**
   * Findings from beyond the workbook, by sheet name, marked in the copy too: the cross-check against
   * the declared targets, made once every file checked together is read.
   */
  extraFindings?: Record<string, Finding[]>;
  /** The memory one file may use, in MB: what its declared size is held to before anything is inflated. */
  memoryMb?: number;
  /** With `copy: "fill"`: the copy to submit, filled but without marks and notes (earlier ones taken away). */
  clean?: boolean;
}

/** The command's default per-file memory (--file-memory), and the web checker's. */
const DEFAULT_FILE_MEMORY_MB = 2048;

interface BytesResult {
  result: FileResult;
  /** The copy's bytes, when one was asked for and could be made. */
  copy?: Uint8Array;
}

/** Check every sheet of one workbook's bytes; with `copy`, also make the filled or marked copy. */
export async function checkWorkbookBytes(file: string, bytes: Uint8Array, opts: BytesOptions = {}): Promise<BytesResult> {
  const memoryMb = opts.memoryMb ?? DEFAULT_FILE_MEMORY_MB;
  let snaps: SheetSnapshot[];
  let format: OtherFormat | null = null;
  let convert: (() => Promise<Uint8Array>) | null = null;
  let userNotes = 0;
  let book: OpenedWorkbook | undefined;
  try {
    format = otherFormatOf(file, bytes);
    // Known before any reader holds it: a zip declaring more than the budget, an .ods whose repeats stand for millions of cells.
    checkDeclaredSize(bytes, memoryMb, format === null);
    if (format === "ods") await checkOdsContent(bytes);
    if (format) {
      const read = await readOtherFormat(bytes, format);
      snaps = read.snapshots;
      convert = async () => {
        // The person's notes go into the copy clean, as theirs; SheetJS writes the rest.
        const notes = takeNotes(read.lib, read.workbook);
        userNotes = notes.length;
        return restoreNotes(asXlsx(read.lib, read.workbook), notes);
      };
    } else ({ snaps, book } = await readXlsx(bytes, opts.copy === "fill", memoryMb));
  } catch (e) {
    if (e instanceof WorkbookReadError) return { result: { file, error: { zh: e.zh, en: e.en }, sheets: [] } };
    throw e;
  }
  const planned: Array<{ snap: SheetSnapshot; result: SheetResult; plan?: WritePlan }> = [];
  for (const snap of snaps) {
    if (!opts.copy) planned.push({ snap, result: analyzeSheet(snap, opts.settings) });
    else if (opts.copy === "fill") {
      const { plan, after } = planFill(snap, opts.settings);
      // A protected sheet, or one with no form, is not touched at all (not even to clear old marks).
      planned.push({ snap, result: after, ...(after.kind !== "none" && !snap.protected ? { plan } : {}) });
    } else {
      const { plan, result } = planCheck(snap, opts.settings);
      planned.push({ snap, result, ...(result.kind !== "none" && !snap.protected ? { plan: { writes: [], marks: plan.marks } } : {}) });
    }
  }
  if (!opts.copy) return { result: { file, sheets: planned.map((p) => p.result) } };

  const extra = opts.extraFindings ?? {};
  const fills: SheetFill[] = planned
    .filter((p) => p.plan)
    // One mark per cell, the sheet's own findings and the extra ones together.
    .map((p) => ({
      sheet: p.snap.name,
      writes: p.plan!.writes,
      ...(p.plan!.rows ? { rows: p.plan!.rows } : {}),
      marks: opts.clean ? [] : extra[p.snap.name]?.length ? marksFor([...p.result.findings, ...extra[p.snap.name]]) : p.plan!.marks,
    }));
  let filled;
  try {
    // A workbook in another format is filled in an .xlsx made from it: its data, formulas, merges
    // and number formats, not its fonts, borders and colours.
    filled = await fillPackage(convert ? await convert() : (book ?? bytes), fills);
  } catch (e) {
    // Each sheet reported as it is, no copy: a structure the fill cannot edit safely, or the parts only
    // a copy reads (notes, drawings) past what the file may unpack.
    let error: { zh: string; en: string };
    if (e instanceof UnpackLimitError) error = { zh: `${e.size.zh}，未写出副本。`, en: `${e.size.en}: no copy was written.` };
    else if (e instanceof PackageShapeError || e instanceof XmlShapeError) {
      error = { zh: `工作簿的结构无法安全编辑，未写出副本（${e.message}）。`, en: `The workbook's structure cannot be edited safely, so no copy was written (${e.message}).` };
    } else throw e;
    return { result: { file, sheets: planned.map((p) => analyzeSheet(p.snap, opts.settings)), error } };
  }
  const sheets: FileResult["sheets"] = planned.map((p) => {
    if (opts.copy !== "fill") return p.result;
    const toWrite = p.plan?.writes ?? [];
    const copied = filled.sheets.get(p.snap.name);
    // Nothing skipped and as many written as planned: each planned cell was written (each written cell
    // is one planned, once), so the plan is not filtered through a set of its thousands of cells.
    const all = copied !== undefined && copied.skipped.length === 0 && copied.written.length === toWrite.length;
    const done = all ? null : new Set(copied?.written ?? []);
    const written = done === null ? toWrite : toWrite.filter((w) => done.has(w.cell));
    // A cell the copy kept (a space a person typed): report the sheet as it now is.
    const now = written.length < (p.plan?.writes.length ?? 0) ? analyzeSheet(applyWrites(p.snap, written), opts.settings) : p.result;
    return { ...now, written };
  });
  const notes: Array<{ zh: string; en: string }> = [];
  if (format) {
    const kept = userNotes > 0 ? { zh: `和批注（${userNotes} 条）`, en: `, and its ${userNotes} note(s)` } : { zh: "", en: "" };
    notes.push({
      zh: `原文件是${FORMAT_LABEL[format].zh}，副本另存为 .xlsx：保留数据、公式、合并单元格、数字格式${kept.zh}；不保留字体、边框、颜色、列宽和行高、隐藏的行列和工作表、数据有效性（下拉列表）、条件格式、图表、图片、宏和打印设置。请以原文件为准核对这些内容。`,
      en: `The original is an ${FORMAT_LABEL[format].en}; the copy is an .xlsx with its data, formulas, merged cells, number formats${kept.en}. It does not keep fonts, borders, colours, column widths and row heights, hidden rows, columns and sheets, data validations (drop-down lists), conditional formats, charts, images, macros or print settings: check those against the original.`,
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
  return { result: { file, sheets, ...(note ? { note } : {}) }, copy: filled.bytes };
}

/** An .ods's content.xml, scanned for repeats that stand for more cells than a sheet is read with. */
async function checkOdsContent(bytes: Uint8Array): Promise<void> {
  let content: string | undefined;
  try {
    content = await (await Package.open(bytes)).read("content.xml");
  } catch {
    return; // not a zip this can open: the reader says why
  }
  if (content !== undefined) checkOdsCells(content);
}
