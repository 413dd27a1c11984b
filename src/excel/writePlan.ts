import { parseA1 } from "../core/address";
import { hiddenByMerge, hiddenByMergeOf } from "../core/fill";
import type { SheetResult } from "../core/engine";
import { markFormula, MARK_COLORS, type CellWrite, type Mark, type WritePlan } from "../core/plan";
import type { SheetSnapshot } from "../core/snapshot";
import { dropDownCells, DROPDOWN_PROMPT, isOwnDropDown, TIER_CHOICES } from "./dropDown";
import type { Look } from "./inspect";
import { noteText, type MarkDiff } from "./markDiff";

/**
 * The cell as the read saw it: its value, formula, and whether a merged area hides it (`hiddenAt`:
 * the sheet's cells looked up once, for a plan's thousands of cells; else its areas read for this one).
 */
function cellInSnapshot(snap: SheetSnapshot, address: string, hiddenAt?: (cell: string) => boolean): { value: unknown; formula: string | null; hidden: boolean } {
  const { row, col } = parseA1(address);
  const hidden = hiddenAt ? hiddenAt(address) : hiddenByMerge(snap, address);
  const i = row - snap.origin.row;
  const j = col - snap.origin.col;
  return { value: snap.values[i]?.[j] ?? null, formula: snap.formulas[i]?.[j] ?? null, hidden };
}

/**
 * RULES §7: write only into a cell that is empty, holds no formula and is not inside a merged area.
 * A cell holding only a space or a tab is not empty: a person typed it.
 */
export function isWritable(snap: SheetSnapshot, address: string, hiddenAt?: (cell: string) => boolean): boolean {
  const c = cellInSnapshot(snap, address, hiddenAt);
  return (c.value === null || c.value === "") && c.formula === null && !c.hidden;
}

/** The cell as read again in the look: still blank and without a formula. */
function stillEmpty(r: Excel.Range | undefined): boolean {
  if (!r) return false;
  const v: unknown = r.values[0][0];
  const f: unknown = r.formulas[0][0];
  return (v === "" || v === null) && !(typeof f === "string" && f.startsWith("="));
}

/** A text that Excel would take for a formula or a number keeps its leading apostrophe (stays text). */
function entry(v: number | string): number | string {
  return typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/**
 * Queue the removal of what the add-in put in a sheet before and no longer wants there — the rules
 * and notes the diff names, its drop-downs not kept — and nothing else. It runs in a sync of its own,
 * before any write.
 */
export function queueRemoveOwn(diff: Pick<MarkDiff, "cfDelete" | "noteDelete">, look: Look, keepDropDowns: Set<string>): number {
  let n = 0;
  for (const cf of diff.cfDelete) {
    cf.delete();
    n++;
  }
  for (const note of diff.noteDelete) {
    note.delete();
    n++;
  }
  for (const [cell, dv] of look.validationAt) {
    if (keepDropDowns.has(cell) || !isOwnDropDown(dv)) continue;
    dv.clear();
    n++;
  }
  return n;
}

export interface QueuedWrites {
  written: CellWrite[];
  /** Not written: the cell was not empty, had a formula, lay inside a merged area, or changed since. */
  skipped: CellWrite[];
  /** Not written: a locked cell of a protected sheet. */
  locked: CellWrite[];
  marks: Mark[];
  /** Cells whose content changes (for telling our own change events apart). */
  cells: string[];
  queued: number;
}

export interface WriteOptions {
  /** Add the marks (conditional formats). */
  marks: boolean;
  /** Add the tier drop-downs (ExcelApi 1.8, not on a protected sheet). */
  dropDowns: boolean;
  /** The sheet is protected: only unlocked cells take a value; formats only where allowed. */
  protectedSheet: { on: boolean; allowFormatCells: boolean };
}

/**
 * Queue a plan's writes and marks for one sheet, with no sync: values only into cells the read saw
 * empty (RULES §7) and Excel lets anyone change, then the marks as self-clearing conditional
 * formats, and the tier drop-down on qualitative actual cells that have no validation yet.
 */
export function queueSheetWrites(sheet: Excel.Worksheet, snap: SheetSnapshot, plan: WritePlan, result: SheetResult, look: Look, opts: WriteOptions): QueuedWrites {
  const out: QueuedWrites = { written: [], skipped: [], locked: [], marks: [], cells: [], queued: 0 };
  const dropDowns = opts.dropDowns ? dropDownCells(result).wanted : [];
  // The merged areas read once for every cell asked about (a form may merge each row's reason cells:
  // read again for each of thousands of writes, they were millions of ranges parsed).
  const hiddenAt = hiddenByMergeOf(snap, [...plan.writes.map((w) => w.cell), ...dropDowns]);
  for (const w of plan.writes) {
    const seen = look.contentAt.get(w.cell);
    if (!isWritable(snap, w.cell, hiddenAt) || !stillEmpty(seen)) {
      out.skipped.push(w);
      continue;
    }
    if (opts.protectedSheet.on && seen!.format.protection.locked !== false) {
      out.locked.push(w);
      continue;
    }
    const range = sheet.getRange(w.cell);
    const formats = !opts.protectedSheet.on || opts.protectedSheet.allowFormatCells;
    if (w.numberFormat && formats) range.numberFormat = [[w.numberFormat]];
    range.values = [[entry(w.value)]];
    // A drafted reason wraps within its cell, to print whole.
    if (w.wrap && formats) range.format.wrapText = true;
    out.written.push(w);
    out.cells.push(w.cell);
  }
  out.queued += out.written.length;
  // The rows the drafts written need taller (the core grows only rows no one fixed). A protected
  // sheet needs "format rows" for that, which the add-in does not read: its rows are left as they are.
  if (!opts.protectedSheet.on) {
    const written = new Set(out.written.map((w) => w.cell));
    for (const r of plan.rows ?? []) {
      if (!r.cells.some((c) => written.has(c))) continue;
      sheet.getRange(`A${r.row}`).format.rowHeight = r.height;
      out.queued++;
    }
  }
  if (opts.marks) {
    for (const m of plan.marks) {
      const color = MARK_COLORS[m.severity];
      const cf = sheet.getRange(m.cell).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markFormula(m.cell, m.condition);
      cf.custom.format.fill.color = color.fill;
      cf.custom.format.font.color = color.font;
      out.marks.push(m);
      out.cells.push(m.cell);
      out.queued++;
    }
  }
  if (opts.dropDowns) {
    for (const cell of dropDowns) {
      const dv = look.validationAt.get(cell);
      const c = cellInSnapshot(snap, cell, hiddenAt);
      if (!dv || dv.type !== "None" || c.hidden || c.formula !== null) continue;
      dv.rule = { list: { inCellDropDown: true, source: TIER_CHOICES.join(",") } };
      dv.prompt = DROPDOWN_PROMPT;
      out.cells.push(cell);
      out.queued++;
    }
  }
  return out;
}

/**
 * Queue the notes the diff adds, in a sync of their own after the write (a cell with a threaded
 * comment refuses a note, and the diff has left those out).
 */
export function queueNotes(notes: Excel.NoteCollection, add: Mark[]): number {
  for (const m of add) notes.add(m.cell, noteText(m));
  return add.length;
}
