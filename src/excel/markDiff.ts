import { isOwnFormula, markFormula, MARK_COLORS, NOTE_PREFIX, type Mark } from "../core/plan";
import type { Look } from "./inspect";

/**
 * What changes between the marks a sheet holds and the marks a check wants, so that only the
 * difference is written: a second 检查 on an unchanged sheet writes nothing, and makes no undo step.
 * A mark is the add-in's conditional format on the cell (its formula and fill) and, where Excel has
 * notes, the add-in's note there.
 */
export interface MarkDiff {
  /** The add-in's rules to delete: at cells no longer marked, changed, or duplicated. */
  cfDelete: Excel.ConditionalFormat[];
  /** Marks whose rule is added. */
  add: Mark[];
  /** Marks already there as wanted. */
  keep: Mark[];
  /** The add-in's notes to delete. */
  noteDelete: Excel.Note[];
  /** Marks whose note is added (their cell has no note of a person's and no threaded comment). */
  noteAdd: Mark[];
  /** Marked cells that will carry the add-in's note once the diff is written. */
  noted: number;
}

const isOwnNote = (content: string | undefined | null): boolean => typeof content === "string" && content.startsWith(NOTE_PREFIX.zh);

export const noteText = (m: Mark): string => `${NOTE_PREFIX.zh}${m.note.zh}`;

// Excel may give a note back with \r\n, and colours in either case.
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();
const sameColor = (a: string | null | undefined, b: string) => typeof a === "string" && a.toUpperCase() === b.toUpperCase();
const sameFormula = (a: string | null | undefined, b: string) => typeof a === "string" && a.replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();

function ruleMatches(cf: Excel.ConditionalFormat, m: Mark): boolean {
  const custom = cf.customOrNullObject;
  if (custom.isNullObject === true) return false;
  let fill: string | undefined;
  try {
    fill = custom.format.fill.color;
  } catch {
    fill = undefined;
  }
  return sameFormula(custom.rule.formula, markFormula(m.cell, m.condition)) && sameColor(fill, MARK_COLORS[m.severity].fill);
}

/** The add-in's own rules found at the looked-at cells. */
export function ownRulesAt(look: Look): Array<{ cell: string; cf: Excel.ConditionalFormat }> {
  const out: Array<{ cell: string; cf: Excel.ConditionalFormat }> = [];
  for (const [cell, cfs] of look.cfAt) {
    for (const cf of cfs.items) {
      const custom = cf.customOrNullObject;
      if (cf.type !== "Custom" || custom.isNullObject === true) continue;
      if (isOwnFormula(custom.rule.formula)) out.push({ cell, cf });
    }
  }
  return out;
}

/**
 * Rules: a cell keeps its rule when it holds exactly one rule of the add-in's and that rule is the
 * wanted one; every other rule of the add-in's at the looked-at cells goes. Notes: the add-in's note
 * stays where its text is the wanted one; where the notes of the sheet hold more of the add-in's
 * notes than the looked-at cells (rows inserted or deleted since), all of them are written anew.
 */
export function diffMarks(look: Look, wanted: Mark[], opts: { sheetNotes: Excel.NoteCollection | null; commented: Set<string> }): MarkDiff {
  const byCell = new Map<string, Excel.ConditionalFormat[]>();
  for (const { cell, cf } of ownRulesAt(look)) {
    const list = byCell.get(cell) ?? [];
    list.push(cf);
    byCell.set(cell, list);
  }
  const out: MarkDiff = { cfDelete: [], add: [], keep: [], noteDelete: [], noteAdd: [], noted: 0 };
  const wantedAt = new Map(wanted.map((m) => [m.cell, m]));
  for (const [cell, cfs] of byCell) {
    const m = wantedAt.get(cell);
    const kept = m && cfs.length === 1 && ruleMatches(cfs[0], m);
    if (kept) out.keep.push(m);
    else out.cfDelete.push(...cfs);
  }
  const keptCells = new Set(out.keep.map((m) => m.cell));
  out.add = wanted.filter((m) => !keptCells.has(m.cell));

  if (!opts.sheetNotes) return out;
  const ownInSheet = (opts.sheetNotes.items ?? []).filter((n) => isOwnNote(n.content)).length;
  const ownAt = [...look.noteAt].filter(([, n]) => n.isNullObject !== true && isOwnNote(n.content));
  const allAnew = ownAt.length < ownInSheet;
  if (allAnew) {
    // From the last one back: deleting must not move the items still to be deleted.
    out.noteDelete = [...opts.sheetNotes.items].reverse().filter((n) => isOwnNote(n.content));
  }
  const keptNotes = new Set<string>();
  for (const [cell, note] of ownAt) {
    const m = wantedAt.get(cell);
    if (!allAnew && m && sameText(note.content, noteText(m))) keptNotes.add(cell);
    else if (!allAnew) out.noteDelete.push(note);
  }
  for (const m of wanted) {
    if (keptNotes.has(m.cell)) continue;
    if (opts.commented.has(m.cell)) continue;
    const there = look.noteAt.get(m.cell);
    // Not looked at, or the person's own note: leave the cell's note alone.
    if (!there || (there.isNullObject !== true && !isOwnNote(there.content))) continue;
    out.noteAdd.push(m);
  }
  out.noted = keptNotes.size + out.noteAdd.length;
  return out;
}
