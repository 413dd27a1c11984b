// Sheet layouts for the print check's rule tables: a form laid out to print well, and ways to spoil it.
import type { PageSetup, SheetLayout, SheetSnapshot } from "../../../src/core/snapshot";
import * as forms from "./support";

/** The standard form (rows 1–20, columns A–H, header row 12) on A4 landscape, every text fitting. */
export const FINE: SheetLayout = {
  fontSize: 11,
  defaultColWidth: 90,
  defaultRowHeight: 20,
  cols: [{ min: 2, max: 2, width: 130 }],
  rows: [],
  wrapped: [],
  page: {
    orientation: "landscape",
    paperSize: 9,
    scale: 100,
    fitTo: null,
    margins: { left: 36, right: 36, top: 36, bottom: 36 },
    printArea: null,
    titleRows: { first: 12, last: 12 },
  },
};

/** A snapshot with a layout: FINE changed by `over`, and its page by `page`. */
export function laidOut(snap: SheetSnapshot, over: Partial<SheetLayout> = {}, page: Partial<PageSetup> = {}): SheetSnapshot {
  return { ...snap, layout: { ...FINE, ...over, page: { ...FINE.page!, ...page } } };
}

/** The standard form, laid out. */
export const printForm = (over: Partial<SheetLayout> = {}, page: Partial<PageSetup> = {}): SheetSnapshot => laidOut(forms.formOf(), over, page);

/** The standard form with one indicator row's reason (H13…) set, laid out. */
export const withReason = (reason: string, over: Partial<SheetLayout> = {}, page: Partial<PageSetup> = {}): SheetSnapshot =>
  laidOut(forms.formWithRows({ 0: { reason } }), over, page);
