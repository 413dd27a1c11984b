/** What the host can do, by ExcelApi requirement set; the adapter leaves out what is missing. */
export interface Capabilities {
  /** 1.4 Worksheet.getUsedRangeOrNullObject (else getUsedRange, which gives A1 on a blank sheet). */
  usedRangeOrNull: boolean;
  /** 1.6 conditional formats: the marks. */
  conditionalFormats: boolean;
  /** 1.7 Worksheet.onChanged. */
  sheetEvents: boolean;
  /** 1.8 data validation: the tier drop-down. */
  dataValidation: boolean;
  /** 1.9 WorksheetCollection.onChanged. */
  workbookEvents: boolean;
  /** 1.11 Excel.run({ delayForCellEdit }): wait for a cell edit to end instead of failing. */
  delayForCellEdit: boolean;
  /** 1.13 Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** 1.18 notes. */
  notes: boolean;
  /** 1.20 Excel.run({ mergeUndoGroup }). */
  undoGroup: boolean;
}

export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** Office.context.requirements.isSetSupported, when Office.js is there. */
export function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const f = office?.context?.requirements?.isSetSupported;
  return f ? (name, v) => f.call(office!.context!.requirements, name, v) : () => false;
}

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const api = (v: string) => {
    try {
      return isSetSupported("ExcelApi", v) === true;
    } catch {
      return false;
    }
  };
  return {
    usedRangeOrNull: api("1.4"),
    conditionalFormats: api("1.6"),
    sheetEvents: api("1.7"),
    dataValidation: api("1.8"),
    workbookEvents: api("1.9"),
    delayForCellEdit: api("1.11"),
    mergedAreas: api("1.13"),
    notes: api("1.18"),
    undoGroup: api("1.20"),
  };
}
