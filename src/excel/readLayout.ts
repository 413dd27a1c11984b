import { columnLetters } from "../core/address";
import type { SheetLayout } from "../core/snapshot";

/**
 * A sheet's paper layout through Office.js (ExcelApi 1.9), queued with its cells: its rows' and
 * columns' heights, widths and hiddenness, its cells' wrapping and font size, its page setup, print
 * area and title rows. Office.js gives points, as the snapshot holds them. It cannot tell a height a
 * person set from one Excel fitted to the text: a row of other than the standard height counts as
 * fixed, so the print check says a text is cut only where it does not fit the height the row has.
 */
export interface LayoutRead {
  sheet: Excel.Worksheet;
  rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  cols: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  /** Null for a sheet read in blocks: its cells' properties would pass the payload limit. */
  cells: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  page: Excel.PageLayout;
  area: Excel.RangeAreas;
  areaItems: Excel.RangeCollection;
  titles: Excel.Range;
  top: number;
  left: number;
}

export function queueLayout(sheet: Excel.Worksheet, used: Excel.Range, withCells: boolean): LayoutRead {
  sheet.load("standardHeight, standardWidth");
  const rows = used.getRowProperties({ rowIndex: true, rowHidden: true, format: { rowHeight: true, useStandardHeight: true } });
  const cols = used.getColumnProperties({ columnIndex: true, columnHidden: true, format: { columnWidth: true } });
  const cells = withCells ? used.getCellProperties({ format: { wrapText: true, font: { size: true } } }) : null;
  const page = sheet.pageLayout;
  page.load("orientation, paperSize, zoom, leftMargin, rightMargin, topMargin, bottomMargin");
  const area = page.getPrintAreaOrNullObject();
  area.load("areaCount");
  // The areas' own addresses: RangeAreas.address lists top-left cells only (office-js issue 1590).
  const areaItems = area.areas;
  areaItems.load("items/address");
  const titles = page.getPrintTitleRowsOrNullObject();
  titles.load("address");
  return { sheet, rows, cols, cells, page, area, areaItems, titles, top: used.rowIndex + 1, left: used.columnIndex + 1 };
}

const PAPER: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11, B5: 13 };

/** The standard width (characters of the Normal font's widest digit, 7 px at 11 points) in points. */
const standardPoints = (chars: number) => Math.round(chars * 7 + 5) * 0.75;

export function layoutFromRead(l: LayoutRead, values: unknown[][]): SheetLayout {
  const sizes = new Map<number, number>();
  const wrapped: string[] = [];
  if (l.cells) {
    l.cells.value.forEach((line, i) =>
      line.forEach((p, j) => {
        const v = values[i]?.[j];
        if (typeof v !== "string" || v === "") return;
        const size = p.format?.font?.size;
        if (typeof size === "number") sizes.set(size, (sizes.get(size) ?? 0) + 1);
        if (p.format?.wrapText === true) wrapped.push(`${columnLetters(l.left + j)}${l.top + i}`);
      }),
    );
  }
  // The size most of the sheet's text is in: what its widths and heights are read against.
  const fontSize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 11;
  const defaultRowHeight = typeof l.sheet.standardHeight === "number" ? l.sheet.standardHeight : 15;
  const defaultColWidth = typeof l.sheet.standardWidth === "number" ? standardPoints(l.sheet.standardWidth) : 48;
  const zoom = l.page.zoom ?? {};
  const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
  // Excel writes whole rows "$1:$3"; a host may give them as "A1:XFD3".
  const titles = l.titles.isNullObject ? null : /^(?:[A-Z]{1,3})?(\d+):(?:[A-Z]{1,3})?(\d+)$/i.exec((l.titles.address ?? "").slice((l.titles.address ?? "").lastIndexOf("!") + 1).replace(/\$/g, ""));
  // Each area's own address, one range ("'绩效 表'!$A$1:$J$40"): the part after the sheet's name.
  const area = l.area.isNullObject ? [] : l.areaItems.items.map((r) => r.address.slice(r.address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase());
  return {
    fontSize,
    defaultColWidth,
    defaultRowHeight,
    cols: l.cols.value.map((c, k) => ({
      min: (c.columnIndex ?? l.left - 1 + k) + 1,
      max: (c.columnIndex ?? l.left - 1 + k) + 1,
      ...(typeof c.format?.columnWidth === "number" ? { width: c.format.columnWidth } : {}),
      ...(c.columnHidden ? { hidden: true } : {}),
    })),
    rows: l.rows.value
      .map((r, k) => ({ r, row: (r.rowIndex ?? l.top - 1 + k) + 1 }))
      .filter(({ r }) => r.rowHidden === true || r.format?.useStandardHeight === false)
      .map(({ r, row }) => ({
        row,
        ...(typeof r.format?.rowHeight === "number" ? { height: r.format.rowHeight } : {}),
        ...(r.format?.useStandardHeight === false && !r.rowHidden ? { fixed: true } : {}),
        ...(r.rowHidden ? { hidden: true } : {}),
      })),
    wrapped,
    page: {
      orientation: l.page.orientation === "Landscape" ? "landscape" : "portrait",
      paperSize: PAPER[l.page.paperSize as string] ?? 9,
      scale: typeof zoom.scale === "number" && zoom.scale >= 10 ? zoom.scale : 100,
      fitTo: fit ? { width: Math.max(0, zoom.horizontalFitToPages ?? 0), height: Math.max(0, zoom.verticalFitToPages ?? 0) } : null,
      margins: { left: l.page.leftMargin, right: l.page.rightMargin, top: l.page.topMargin, bottom: l.page.bottomMargin },
      printArea: area.length > 0 ? area : null,
      titleRows: titles ? { first: Number(titles[1]), last: Number(titles[2]) } : null,
    },
  };
}
