/**
 * What the host can do: the ExcelApi requirement sets Excel reports, and what the loaded office.js
 * library itself implements. Both count: Excel answers isSetSupported, but the npm package's
 * library (a 2022 runtime, served by the offline build) has no Worksheet.notes and never passes
 * mergeUndoGroup on, so a capability the library lacks is off whatever Excel says.
 */
export interface Capabilities {
  /** 1.4 Worksheet.getUsedRangeOrNullObject (else getUsedRange, which gives A1 on a blank sheet). */
  usedRangeOrNull: boolean;
  /** 1.5 Workbook.customXmlParts: where the add-in records which cells it marked. */
  customXml: boolean;
  /** 1.6 conditional formats: the marks. */
  conditionalFormats: boolean;
  /** 1.7 Worksheet.onChanged. */
  sheetEvents: boolean;
  /** 1.8 data validation: the tier drop-down. */
  dataValidation: boolean;
  /** 1.9 WorksheetCollection.onChanged. */
  workbookEvents: boolean;
  /** 1.9 row, column and cell properties and Worksheet.pageLayout: the print check's layout. */
  pageLayout?: boolean;
  /** 1.10 threaded comments (a cell with one takes no note). */
  comments: boolean;
  /** 1.11 Excel.run({ delayForCellEdit }): wait for a cell edit to end instead of failing. */
  delayForCellEdit: boolean;
  /** 1.13 Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** 1.18 notes, and a library that has them. */
  notes: boolean;
  /** 1.20 Excel.run({ mergeUndoGroup }), and a library that passes it on. */
  undoGroup: boolean;
}

export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** What the loaded office.js library implements, found by looking at it. */
export interface LibraryFeatures {
  notes: boolean;
  undoGroup: boolean;
}

/** Office.context.requirements.isSetSupported, when Office.js is there. */
export function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const f = office?.context?.requirements?.isSetSupported;
  return f ? (name, v) => f.call(office!.context!.requirements, name, v) : () => false;
}

/**
 * The library's features, from the global Excel namespace: Excel.NoteCollection is defined by
 * libraries of the ExcelApi 1.18 era and later. No API tells whether Excel.run passes
 * mergeUndoGroup on; it came after NoteCollection, so a library without NoteCollection certainly
 * drops it (and a dropped option only costs the single undo step, never a write).
 */
export function libraryFeatures(excel: unknown = (globalThis as { Excel?: unknown }).Excel): LibraryFeatures {
  const notes = typeof (excel as { NoteCollection?: unknown } | undefined)?.NoteCollection === "function";
  return { notes, undoGroup: notes };
}

export function detectCapabilities(isSetSupported: IsSetSupported, library: LibraryFeatures = { notes: true, undoGroup: true }): Capabilities {
  const api = (v: string) => {
    try {
      return isSetSupported("ExcelApi", v) === true;
    } catch {
      return false;
    }
  };
  return {
    usedRangeOrNull: api("1.4"),
    customXml: api("1.5"),
    conditionalFormats: api("1.6"),
    sheetEvents: api("1.7"),
    dataValidation: api("1.8"),
    workbookEvents: api("1.9"),
    pageLayout: api("1.9"),
    comments: api("1.10"),
    delayForCellEdit: api("1.11"),
    mergedAreas: api("1.13"),
    notes: api("1.18") && library.notes,
    undoGroup: api("1.20") && library.undoGroup,
  };
}
