import type { Capabilities } from "./capabilities";

/** The reads an action needs besides the sheet's contents: the add-in's old marks and a second look. */

/** The add-in's marks already in a sheet, loaded with the read (items and their types or contents). */
export interface MarkState {
  cfs: Excel.ConditionalFormatCollection | null;
  notes: Excel.NoteCollection | null;
}

export function queueMarkState(sheet: Excel.Worksheet, caps: Capabilities): MarkState {
  const cfs = caps.conditionalFormats ? sheet.getRange().conditionalFormats : null;
  cfs?.load("items/id, items/type");
  const notes = caps.notes ? sheet.notes : null;
  notes?.load("items/content");
  return { cfs, notes };
}

/** What a second look finds: the formulas of custom rules, the notes and drop-downs at given cells. */
export interface Inspection {
  customRules: Array<{ cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }>;
  noteAt: Map<string, Excel.Note>;
  validationAt: Map<string, Excel.DataValidation>;
  /** The cells about to be written, read again just before the write. */
  contentAt: Map<string, Excel.Range>;
  queued: number;
}

/**
 * Queue the second look, after the read: a rule's formula can only be asked of a custom rule, and
 * which cells matter is known once the engine has run.
 */
export function queueInspection(
  sheet: Excel.Worksheet,
  state: MarkState,
  cells: { writes: string[]; notes: string[]; dropDowns: string[] },
): Inspection {
  const insp: Inspection = { customRules: [], noteAt: new Map(), validationAt: new Map(), contentAt: new Map(), queued: 0 };
  // The plan was made from the read; a cell typed into since then must not be written over.
  for (const cell of cells.writes) {
    const r = sheet.getRange(cell);
    r.load("values, formulas");
    insp.contentAt.set(cell, r);
  }
  for (const cf of state.cfs?.items ?? []) {
    if (cf.type !== "Custom") continue;
    const rule = cf.custom.rule;
    rule.load("formula");
    insp.customRules.push({ cf, rule });
  }
  if (state.notes) {
    for (const cell of cells.notes) {
      const note = state.notes.getItemOrNullObject(cell);
      note.load("content");
      insp.noteAt.set(cell, note);
    }
  }
  for (const cell of cells.dropDowns) {
    const dv = sheet.getRange(cell).dataValidation;
    dv.load("type, prompt");
    insp.validationAt.set(cell, dv);
  }
  insp.queued = insp.contentAt.size + insp.customRules.length + insp.noteAt.size + insp.validationAt.size;
  return insp;
}
