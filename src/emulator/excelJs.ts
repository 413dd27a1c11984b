import ExcelJS from "exceljs";
import { mergedRanges, noteText, readCell as readExcelJsCell } from "../xlsx/cells";
import { parseRange, rangeToA1, toA1 } from "../core/address";
import { EmulatedExcel, type HostOptions } from "./host";
import { cellKey, keyCol, keyRow, mergeAt, newSheet, type CellData, type CfRule, type CfType, type SheetState, type ValidationData } from "./state";
import { charsToPoints, defaultLayout, type LayoutState } from "./layout";

/** The workbook each host was loaded from: exporting starts from a copy of it, so styles survive. */
const sources = new WeakMap<EmulatedExcel, ExcelJS.Workbook>();


const CF_TYPE: Record<string, CfType> = {
  expression: "Custom",
  cellIs: "CellValue",
  top10: "TopBottom",
  colorScale: "ColorScale",
  dataBar: "DataBar",
  iconSet: "IconSet",
  containsText: "ContainsText",
};

function color(argb: unknown): string | null {
  return typeof argb === "string" && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : null;
}

type XCfRule = { type: string; priority?: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } };
type XCf = { ref: string; rules: XCfRule[] };

function readCfs(ws: ExcelJS.Worksheet, host: EmulatedExcel): CfRule[] {
  const list: Array<{ priority: number; rule: CfRule }> = [];
  for (const cf of ((ws as unknown as { conditionalFormattings?: XCf[] }).conditionalFormattings ?? [])) {
    const ranges = cf.ref.split(/\s+/).filter(Boolean).map(parseRange);
    for (const r of cf.rules) {
      const type = CF_TYPE[r.type] ?? "PresetCriteria";
      list.push({
        priority: r.priority ?? 0,
        rule: {
          id: `{cf-file-${host.state.nextId++}}`,
          type,
          ranges,
          formula: type === "Custom" && r.formulae?.[0] ? `=${r.formulae[0]}` : null,
          fill: color(r.style?.fill?.bgColor?.argb),
          font: color(r.style?.font?.color?.argb),
          source: r,
        },
      });
    }
  }
  return list.sort((a, b) => a.priority - b.priority).map((x) => x.rule);
}

function readValidation(dv: ExcelJS.DataValidation): ValidationData {
  const TYPE: Record<string, ValidationData["type"]> = { list: "List", whole: "WholeNumber", decimal: "Decimal", date: "Date", textLength: "TextLength", custom: "Custom" };
  const type = TYPE[dv.type] ?? "Custom";
  const prompt = { showPrompt: !!dv.showInputMessage, title: dv.promptTitle ?? "", message: dv.prompt ?? "" };
  if (type !== "List") return { type, prompt, source: dv };
  const f = String(dv.formulae?.[0] ?? "");
  const source = f.startsWith('"') ? f.slice(1, -1) : f;
  return { type, list: { source, inCellDropDown: true }, prompt, source: dv };
}

function sheetStateOf(ws: ExcelJS.Worksheet, host: EmulatedExcel): SheetState {
  const sheet = newSheet(host.state, ws.name);
  if (ws.state === "hidden") sheet.visibility = "Hidden";
  else if (ws.state === "veryHidden") sheet.visibility = "VeryHidden";
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean; objects?: boolean } | null }).sheetProtection;
  sheet.protected = !!protection?.sheet;
  // ExcelJS's model says what the protection allows (its XML inverts it).
  sheet.protectionOptions = { allowFormatCells: protection?.formatCells === true, allowEditObjects: !!protection?.sheet && protection.objects !== false };
  sheet.merges = mergedRanges(ws).map(parseRange);
  // Every cell ExcelJS holds, including empty ones that carry a format or a note (ws.dimensions
  // counts only cells with values; Excel's used range counts formatted cells too).
  const rows = (ws as unknown as { _rows?: Array<{ _cells?: Array<ExcelJS.Cell | undefined> } | undefined> })._rows ?? [];
  let extent: SheetState["formatted"] = null;
  for (const row of rows) {
    for (const cell of row?._cells ?? []) {
      if (!cell) continue;
      const r = Number(cell.row);
      const c = Number(cell.col);
      const { value, formula, numberFormat } = readExcelJsCell(cell);
      if (cell.protection?.locked === false) sheet.unlocked.add(cellKey(r, c));
      const data: CellData = { value, formula, numberFormat };
      const styled = Object.keys(cell.style ?? {}).length > 0;
      if (data.value !== null || data.formula !== null || styled || cell.type === ExcelJS.ValueType.Merge) {
        sheet.cells.set(cellKey(r, c), data);
        extent = extent
          ? { top: Math.min(extent.top, r), left: Math.min(extent.left, c), bottom: Math.max(extent.bottom, r), right: Math.max(extent.right, c) }
          : { top: r, left: c, bottom: r, right: c };
      }
      const note = noteText(cell);
      if (note) sheet.notes.set(toA1(r, c), { content: note, author: "" });
    }
  }
  sheet.formatted = extent;
  sheet.layout = layoutFromExcelJs(ws);
  sheet.cfs = readCfs(ws, host);
  const dvs = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations?.model ?? {};
  for (const [address, dv] of Object.entries(dvs)) {
    if (!dv || !/^[A-Z]+\d+$/.test(address)) continue;
    sheet.validations.set(address, readValidation(dv));
  }
  return sheet;
}

const PAPER: Record<number, string> = { 1: "Letter", 5: "Legal", 8: "A3", 9: "A4", 11: "A5", 13: "B5" };

/** The sheet's layout as Excel would hold it once opened: ExcelJS's widths (characters) as points. */
function layoutFromExcelJs(ws: ExcelJS.Worksheet): LayoutState {
  const l = defaultLayout();
  const props = ws.properties as { defaultRowHeight?: number; defaultColWidth?: number };
  if (props.defaultRowHeight) l.standardHeight = props.defaultRowHeight;
  ws.columns?.forEach((c, i) => {
    if (c.hidden) l.colHidden.add(i + 1);
    if (c.width !== undefined) l.colWidth.set(i + 1, charsToPoints(c.width));
  });
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) l.rowHidden.add(r);
    if (row.height !== undefined) l.rowHeight.set(r, row.height);
    // Empty cells too: a reason cell waiting for its text wraps already.
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.alignment?.wrapText) l.wrap.add(cellKey(r, c));
      const size = cell.font?.size;
      if (size && size !== 11) l.fontSize.set(cellKey(r, c), size);
    });
  });
  const ps = ws.pageSetup;
  const area = ps.printArea ? ps.printArea.split("&&").map((a) => parseRange(a.replace(/\$/g, ""))) : null;
  const titles = ps.printTitlesRow ? /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow) : null;
  const m = ps.margins;
  l.page = {
    orientation: ps.orientation === "landscape" ? "Landscape" : "Portrait",
    paperSize: PAPER[ps.paperSize ?? 9] ?? "A4",
    zoom: ps.fitToPage ? { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 } : { scale: ps.scale ?? 100 },
    margins: m ? { left: m.left * 72, right: m.right * 72, top: m.top * 72, bottom: m.bottom * 72 } : l.page.margins,
    printArea: area,
    titleRows: titles ? { first: Number(titles[1]), last: Number(titles[2]) } : null,
  };
  return l;
}

/** A host holding the workbook as Excel would open it. */
export function fromExcelJs(workbook: ExcelJS.Workbook, opts: HostOptions = {}): EmulatedExcel {
  const host = new EmulatedExcel(opts);
  for (const ws of workbook.worksheets) host.state.sheets.push(sheetStateOf(ws, host));
  const activeTab = (workbook.views as Array<{ activeTab?: number }> | undefined)?.[0]?.activeTab ?? 0;
  host.state.activeSheetId = (host.state.sheets[activeTab] ?? host.state.sheets[0])?.id ?? "";
  sources.set(host, workbook);
  return host;
}

/** A host from .xlsx bytes (the playground's file input). */
export async function fromXlsx(bytes: ArrayBuffer | Uint8Array, opts: HostOptions = {}): Promise<EmulatedExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return fromExcelJs(wb, opts);
}

function argb(hex: string | null): string | undefined {
  return hex ? `FF${hex.replace("#", "").toUpperCase()}` : undefined;
}

function cfRuleOut(cf: CfRule, priority: number): XCfRule {
  const src = cf.source as XCfRule | undefined;
  const same = src && cf.type === "Custom" && `=${src.formulae?.[0]}` === cf.formula && color(src.style?.fill?.bgColor?.argb) === cf.fill && color(src.style?.font?.color?.argb) === cf.font;
  if (src && (cf.type !== "Custom" || same)) return { ...src, priority };
  const style: XCfRule["style"] & Record<string, unknown> = {};
  if (cf.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } as never;
  if (cf.font) style.font = { color: { argb: argb(cf.font) } };
  return { type: "expression", priority, formulae: [(cf.formula ?? "=FALSE").slice(1)], style };
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetState): void {
  const seen = new Set<number>();
  for (const [key, c] of sheet.cells) {
    const r = keyRow(key);
    const col = keyCol(key);
    seen.add(key);
    const m = mergeAt(sheet, r, col);
    if (m && (m.top !== r || m.left !== col)) continue;
    const cell = ws.getCell(r, col);
    const value: ExcelJS.CellValue = c.formula ? ({ formula: c.formula.slice(1), result: c.value ?? undefined } as ExcelJS.CellFormulaValue) : c.value;
    if (JSON.stringify(cell.value ?? null) !== JSON.stringify(value ?? null)) cell.value = value;
    if ((cell.numFmt || "General") !== c.numberFormat) cell.numFmt = c.numberFormat;
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const key = cellKey(r, col);
      if (!seen.has(key) && cell.type !== ExcelJS.ValueType.Merge) cell.value = null;
      const note = sheet.notes.get(toA1(r, col));
      if (noteText(cell) && !note) cell.note = undefined as unknown as string;
    });
  });
  for (const [a, n] of sheet.notes) {
    const cell = ws.getCell(a);
    if (noteText(cell) !== n.content) cell.note = n.content;
  }
  (ws as unknown as { conditionalFormattings: XCf[] }).conditionalFormattings = sheet.cfs.map((cf, i) => ({
    ref: cf.ranges.map(rangeToA1).join(" "),
    rules: [cfRuleOut(cf, i + 1)],
  }));
  const model: Record<string, ExcelJS.DataValidation> = {};
  for (const [a, v] of sheet.validations) {
    const src = v.source as ExcelJS.DataValidation | undefined;
    model[a] =
      src && JSON.stringify(readValidation(src)) === JSON.stringify({ ...v, source: src })
        ? src
        : {
            type: "list",
            allowBlank: true,
            formulae: [`"${v.list?.source ?? ""}"`],
            showInputMessage: v.prompt.showPrompt,
            promptTitle: v.prompt.title,
            prompt: v.prompt.message,
          };
  }
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model = model;
  // What the add-in formats: the drafts' wrapping and the rows it grew.
  if (sheet.layout) {
    for (const key of sheet.layout.wrap) {
      const cell = ws.getCell(keyRow(key), keyCol(key));
      if (!cell.alignment?.wrapText) cell.alignment = { ...cell.alignment, wrapText: true };
    }
    for (const [r, h] of sheet.layout.rowHeight) if (ws.getRow(r).height !== h) ws.getRow(r).height = h;
  }
  const prot = ws as unknown as { sheetProtection: { sheet?: boolean } | null };
  if (sheet.protected && !prot.sheetProtection?.sheet) prot.sheetProtection = { sheet: true };
  if (!sheet.protected && prot.sheetProtection?.sheet) prot.sheetProtection = null;
}

/** The host's workbook as an ExcelJS workbook (a fresh copy; the source keeps its styles). */
export async function toExcelJs(host: EmulatedExcel): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  const src = sources.get(host);
  if (src) await out.xlsx.load((await src.xlsx.writeBuffer()) as ArrayBuffer);
  for (const sheet of host.state.sheets) {
    const ws = out.getWorksheet(sheet.name) ?? out.addWorksheet(sheet.name);
    writeSheet(ws, sheet);
  }
  for (const ws of [...out.worksheets]) {
    if (!host.state.sheets.some((s) => s.name === ws.name)) out.removeWorksheet(ws.id);
  }
  return out;
}
