import { parseA1, parseRange } from "../core/address";
import type { SheetResult } from "../core/engine";
import { isOwnFormula, markFormula, MARK_COLORS, NOTE_PREFIX, type CellWrite, type Mark, type WritePlan } from "../core/plan";
import type { SheetSnapshot } from "../core/snapshot";
import type { Capabilities } from "./capabilities";
import { dropDownCells, DROPDOWN_PROMPT, isOwnDropDown, TIER_CHOICES } from "./dropDown";
import type { Inspection, MarkState } from "./inspect";

const isOwnNote = (content: string | undefined) => typeof content === "string" && content.startsWith(NOTE_PREFIX.zh);

/** The cell as the read saw it: its value, formula, and whether a merged area hides it. */
function cellInSnapshot(snap: SheetSnapshot, address: string): { value: unknown; formula: string | null; hidden: boolean } {
  const { row, col } = parseA1(address);
  const hidden = snap.merges.some((m) => {
    const r = parseRange(m);
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && (row !== r.top || col !== r.left);
  });
  const i = row - snap.origin.row;
  const j = col - snap.origin.col;
  return { value: snap.values[i]?.[j] ?? null, formula: snap.formulas[i]?.[j] ?? null, hidden };
}

/** RULES §7: write only into a cell that is empty, holds no formula and is not inside a merged area. */
export function isWritable(snap: SheetSnapshot, address: string): boolean {
  const c = cellInSnapshot(snap, address);
  const blank = c.value === null || (typeof c.value === "string" && c.value.trim() === "");
  return blank && c.formula === null && !c.hidden;
}

/** The cell as read again in the inspection: still blank and without a formula. */
function stillEmpty(r: Excel.Range | undefined): boolean {
  if (!r) return false;
  const v: unknown = r.values[0][0];
  const f: unknown = r.formulas[0][0];
  const blank = v === "" || v === null || (typeof v === "string" && v.trim() === "");
  return blank && !(typeof f === "string" && f.startsWith("="));
}

/** A text that Excel would take for a formula or a number keeps its leading apostrophe (stays text). */
function entry(v: number | string): number | string {
  return typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

export interface QueuedWrites {
  written: CellWrite[];
  skipped: CellWrite[];
  marks: Mark[];
  /** Cells whose content changes (for telling our own change events apart). */
  cells: string[];
  queued: number;
}

/** Remove what the add-in put in a sheet before (its rules, notes and drop-downs), nothing else. */
function queueRemoveOwn(insp: Inspection, state: MarkState, keepDropDowns: Set<string>): number {
  let n = 0;
  // By id, and notes from the last one back: deleting must not move the items still to be deleted,
  // whether Office.js addresses collection items by key or by position.
  for (const { cf, rule } of insp.customRules) {
    if (!isOwnFormula(rule.formula)) continue;
    state.cfs!.getItem(cf.id).delete();
    n++;
  }
  for (const note of [...(state.notes?.items ?? [])].reverse()) {
    if (!isOwnNote(note.content)) continue;
    note.delete();
    n++;
  }
  for (const [cell, dv] of insp.validationAt) {
    if (keepDropDowns.has(cell) || !isOwnDropDown(dv)) continue;
    dv.clear();
    n++;
  }
  return n;
}

/**
 * Queue a plan's writes and marks for one sheet, with no sync: values only into cells the read saw
 * empty (RULES §7), then the marks as self-clearing conditional formats after the add-in's old ones
 * are removed, a note per marked cell that has none of the user's, and the tier drop-down on
 * qualitative actual cells that have no validation yet.
 */
export function queueSheetWrites(
  sheet: Excel.Worksheet,
  snap: SheetSnapshot,
  plan: WritePlan,
  result: SheetResult,
  state: MarkState,
  insp: Inspection,
  caps: Capabilities,
): QueuedWrites {
  const out: QueuedWrites = { written: [], skipped: [], marks: [], cells: [], queued: 0 };
  for (const w of plan.writes) {
    if (!isWritable(snap, w.cell) || !stillEmpty(insp.contentAt.get(w.cell))) {
      out.skipped.push(w);
      continue;
    }
    const range = sheet.getRange(w.cell);
    if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
    range.values = [[entry(w.value)]];
    out.written.push(w);
    out.cells.push(w.cell);
  }
  const { wanted } = dropDownCells(result);
  const keep = new Set(wanted.filter((c) => insp.validationAt.has(c)));
  out.queued += out.written.length + queueRemoveOwn(insp, state, keep);
  if (caps.conditionalFormats) {
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
  if (state.notes) {
    for (const m of out.marks) {
      const existing = insp.noteAt.get(m.cell);
      // Not looked at, or the user's own note: leave the cell's note alone.
      if (!existing || (existing.isNullObject !== true && !isOwnNote(existing.content))) continue;
      state.notes.add(m.cell, `${NOTE_PREFIX.zh}${m.note.zh}`);
      out.queued++;
    }
  }
  for (const cell of wanted) {
    const dv = insp.validationAt.get(cell);
    const c = cellInSnapshot(snap, cell);
    if (!dv || dv.type !== "None" || c.hidden || c.formula !== null) continue;
    dv.rule = { list: { inCellDropDown: true, source: TIER_CHOICES.join(",") } };
    dv.prompt = DROPDOWN_PROMPT;
    out.cells.push(cell);
    out.queued++;
  }
  return out;
}

/** Queue 清除标记 for one sheet: the add-in's rules, notes and drop-downs go, the user's stay. */
export function queueClear(state: MarkState, insp: Inspection): number {
  return queueRemoveOwn(insp, state, new Set());
}
