import { ClientObject } from "../clientObject";
import { layoutOf } from "../layout";
import type { SheetState } from "../state";
import { Range, RangeAreas } from "./range";

/**
 * Worksheet.pageLayout (ExcelApi 1.9): the page setup as Office.js gives it — orientation, paper,
 * zoom (a scale or pages to fit to), margins in points — and the print area and title rows, null
 * objects where the sheet has none. Read only: the add-in never changes how a sheet prints.
 */
export class PageLayout extends ClientObject<SheetState> {
  protected readonly _scalars = ["orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin"] as const;

  protected _read(s: SheetState, prop: string): unknown {
    this.context.host.requireSet("1.9", "Worksheet.pageLayout");
    const p = layoutOf(s).page;
    switch (prop) {
      case "orientation":
        return p.orientation;
      case "paperSize":
        return p.paperSize;
      case "zoom":
        return { ...p.zoom };
      case "leftMargin":
        return p.margins.left;
      case "rightMargin":
        return p.margins.right;
      case "topMargin":
        return p.margins.top;
      default:
        return p.margins.bottom;
    }
  }

  get orientation(): string {
    return this._get("orientation");
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this._get("zoom");
  }
  get leftMargin(): number {
    return this._get("leftMargin");
  }
  get rightMargin(): number {
    return this._get("rightMargin");
  }
  get topMargin(): number {
    return this._get("topMargin");
  }
  get bottomMargin(): number {
    return this._get("bottomMargin");
  }

  getPrintAreaOrNullObject(): RangeAreas {
    return new RangeAreas(
      this.context,
      () => {
        this.context.host.requireSet("1.9", "PageLayout.getPrintAreaOrNullObject");
        const s = this._resolve();
        const area = s ? layoutOf(s).page.printArea : null;
        return s && area && area.length > 0 ? { sheet: s, areas: area.map((a) => ({ ...a })) } : null;
      },
      true,
    );
  }

  getPrintTitleRowsOrNullObject(): Range {
    return new Range(
      this.context,
      () => {
        this.context.host.requireSet("1.9", "PageLayout.getPrintTitleRowsOrNullObject");
        const s = this._resolve();
        const t = s ? layoutOf(s).page.titleRows : null;
        return s && t ? { sheet: s, ref: { top: t.first, left: 1, bottom: t.last, right: 16_384 } } : null;
      },
      true,
    );
  }
}
