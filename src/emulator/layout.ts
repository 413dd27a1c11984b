import type { RangeRef } from "../core/address";

/**
 * A sheet's paper layout as Excel holds it, for the ExcelApi 1.9 calls that read it
 * (getRowProperties, getColumnProperties, getCellProperties, Worksheet.pageLayout) and the formats
 * the add-in sets (format.wrapText, format.rowHeight). Heights and widths in points, as Office.js
 * gives them; Excel's defaults where a sheet says nothing.
 */
interface PageState {
  orientation: "Portrait" | "Landscape";
  /** Excel.PaperType. */
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Points. */
  margins: { left: number; right: number; top: number; bottom: number };
  printArea: RangeRef[] | null;
  titleRows: { first: number; last: number } | null;
}

export interface LayoutState {
  /** Points. */
  standardHeight: number;
  /** In characters of the Normal style's widest digit (Worksheet.standardWidth). */
  standardWidth: number;
  /** Heights set by hand (Excel's customHeight) and by fitting, by row. */
  rowHeight: Map<number, number>;
  rowHidden: Set<number>;
  /** Points. */
  colWidth: Map<number, number>;
  colHidden: Set<number>;
  /** Cells whose text wraps, by cellKey. */
  wrap: Set<number>;
  /** Font size by cellKey, where it is not the Normal style's 11. */
  fontSize: Map<number, number>;
  page: PageState;
}

export function defaultLayout(): LayoutState {
  return {
    standardHeight: 15,
    standardWidth: 8.43,
    rowHeight: new Map(),
    rowHidden: new Set(),
    colWidth: new Map(),
    colHidden: new Set(),
    wrap: new Set(),
    fontSize: new Map(),
    page: { orientation: "Portrait", paperSize: "A4", zoom: { scale: 100 }, margins: { left: 50.4, right: 50.4, top: 54, bottom: 54 }, printArea: null, titleRows: null },
  };
}

export function cloneLayout(l: LayoutState): LayoutState {
  return {
    ...l,
    rowHeight: new Map(l.rowHeight),
    rowHidden: new Set(l.rowHidden),
    colWidth: new Map(l.colWidth),
    colHidden: new Set(l.colHidden),
    wrap: new Set(l.wrap),
    fontSize: new Map(l.fontSize),
    page: { ...l.page, zoom: { ...l.page.zoom }, margins: { ...l.page.margins }, printArea: l.page.printArea?.map((r) => ({ ...r })) ?? null, titleRows: l.page.titleRows ? { ...l.page.titleRows } : null },
  };
}

/** The sheet's layout, made with Excel's defaults the first time it is asked for. */
export function layoutOf(sheet: { layout?: LayoutState }): LayoutState {
  sheet.layout ??= defaultLayout();
  return sheet.layout;
}

/** Calibri 11's widest digit is 7 px: a width in characters as points (ECMA-376 §18.3.1.13). */
export const charsToPoints = (chars: number): number => Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
/** The standard width (8.43 characters) is 64 px = 48 pt: 5 px of padding beside the digits. */
export const standardWidthPoints = (chars: number): number => Math.round(chars * 7 + 5) * 0.75;
