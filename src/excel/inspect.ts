/**
 * The second look, once the engine has run: the cells about to be written (read again, with their
 * lock where the sheet is protected), the conditional formats of the cells the add-in marks or has
 * marked, and the notes and drop-downs there. It is a sync of its own, before anything is written.
 */
export interface Look {
  /** The cells about to be written, read again just before the write. */
  contentAt: Map<string, Excel.Range>;
  /** Each cell's own conditional formats (Range.conditionalFormats of that one cell). */
  cfAt: Map<string, Excel.ConditionalFormatCollection>;
  noteAt: Map<string, Excel.Note>;
  validationAt: Map<string, Excel.DataValidation>;
  queued: number;
}

/** The key of the rules read over the whole sheet, when the record no longer matches the sheet. */
export const WHOLE_SHEET = "*";

interface LookCells {
  writes: string[];
  /** Cells whose conditional formats are read: the cells marked before and those to be marked. */
  marks: string[];
  /** Cells that may get a note. */
  notes: string[];
  dropDowns: string[];
}

export function queueLook(
  sheet: Excel.Worksheet,
  notes: Excel.NoteCollection | null,
  cells: LookCells,
  opts: { lockedToo: boolean; readMarks: boolean; wholeSheet?: boolean },
): Look {
  const look: Look = { contentAt: new Map(), cfAt: new Map(), noteAt: new Map(), validationAt: new Map(), queued: 0 };
  // The plan was made from the read; a cell typed into since then must not be written over.
  for (const cell of cells.writes) {
    const r = sheet.getRange(cell);
    r.load(opts.lockedToo ? "values, formulas, format/protection/locked" : "values, formulas");
    look.contentAt.set(cell, r);
  }
  if (opts.readMarks) {
    // customOrNullObject: a custom rule's formula and fill without failing on the other rule types.
    const load = "items/type, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color";
    if (opts.wholeSheet) {
      // The record no longer matches the sheet (rows inserted or deleted since): every rule of the sheet.
      const cfs = sheet.getRange().conditionalFormats;
      cfs.load(load);
      look.cfAt.set(WHOLE_SHEET, cfs);
    } else {
      for (const cell of new Set(cells.marks)) {
        const cfs = sheet.getRange(cell).conditionalFormats;
        cfs.load(load);
        look.cfAt.set(cell, cfs);
      }
    }
  }
  if (notes) {
    for (const cell of new Set(cells.notes)) {
      const note = notes.getItemOrNullObject(cell);
      note.load("content");
      look.noteAt.set(cell, note);
    }
  }
  for (const cell of cells.dropDowns) {
    const dv = sheet.getRange(cell).dataValidation;
    dv.load("type, prompt");
    look.validationAt.set(cell, dv);
  }
  look.queued = look.contentAt.size + look.cfAt.size + look.noteAt.size + look.validationAt.size;
  return look;
}
