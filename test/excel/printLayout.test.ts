// The print check in the pane (issue 19 §5): the layout Office.js gives (ExcelApi 1.9 row, column and
// cell properties, Worksheet.pageLayout) as the emulator models it, and the fill's drafts wrapped and
// their rows grown through Office.js (§4).
import { fromExcelJs } from "../../src/emulator";
import { charsToPoints } from "../../src/emulator/layout";
import { cellKey } from "../../src/emulator/state";
import { actionsFor, sampleWorkbook } from "./setup";

const SAMPLE = "selfeval-defects/missing-reasons.xlsx";

test("the emulator gives a sheet's rows, columns, wrapping and page setup as Office.js does (points, null objects)", async () => {
  const wb = await sampleWorkbook(SAMPLE);
  const ws = wb.worksheets[0];
  const host = fromExcelJs(wb);
  await host.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(ws.name);
    const range = sheet.getRange("A12:H14");
    const rows = range.getRowProperties({ rowIndex: true, rowHidden: true, format: { rowHeight: true, useStandardHeight: true } });
    const cols = range.getColumnProperties({ columnIndex: true, format: { columnWidth: true } });
    const cells = range.getCellProperties({ format: { wrapText: true } });
    const page = sheet.pageLayout;
    page.load("orientation, paperSize, zoom, leftMargin");
    const area = page.getPrintAreaOrNullObject();
    const titles = page.getPrintTitleRowsOrNullObject();
    // Nothing is there before the sync.
    expect(() => rows.value).toThrow();
    await ctx.sync();
    expect(rows.value.map((r) => r.rowIndex)).toEqual([11, 12, 13]);
    expect(rows.value.map((r) => r.format!.rowHeight)).toEqual([12, 13, 14].map((r) => ws.getRow(r).height ?? 15));
    expect(cols.value.map((c) => c.format!.columnWidth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((c) => charsToPoints(ws.getColumn(c).width!)));
    // The cells of row 13 that are no merged area's covered cells (ExcelJS gives those their master's style).
    const own = [1, 2, 3, 4, 5, 6, 7, 8].filter((c) => !ws.getCell(13, c).isMerged || ws.getCell(13, c).master === ws.getCell(13, c));
    expect(own.map((c) => cells.value[1][c - 1].format!.wrapText)).toEqual(own.map((c) => ws.getCell(13, c).alignment?.wrapText === true));
    expect(own.some((c) => cells.value[1][c - 1].format!.wrapText)).toBe(true);
    expect(page.orientation).toBe("Portrait");
    expect(page.paperSize).toBe("A4");
    expect(page.leftMargin).toBeCloseTo(0.7 * 72, 5);
    expect(area.isNullObject).toBe(true);
    expect(titles.isNullObject).toBe(true);
  });
});

test("a print area and title rows come back as Office.js gives them; the add-in's check sees them", async () => {
  const wb = await sampleWorkbook(SAMPLE);
  wb.worksheets[0].pageSetup.printArea = "A1:F20";
  wb.worksheets[0].pageSetup.printTitlesRow = "12:12";
  const host = fromExcelJs(wb);
  await host.run(async (ctx) => {
    const page = ctx.workbook.worksheets.getItem(wb.worksheets[0].name).pageLayout;
    const items = page.getPrintAreaOrNullObject().areas;
    items.load("items/address");
    const titles = page.getPrintTitleRowsOrNullObject();
    titles.load("address");
    await ctx.sync();
    expect(items.items.map((r) => r.address.split("!")[1])).toEqual(["A1:F20"]);
    expect(titles.address.split("!")[1].replace(/[A-Z]/g, "")).toBe("12:12");
  });
  const out = await actionsFor(host).check();
  const codes = out.sheets[0].result.findings.filter((f) => f.code.startsWith("print-")).map((f) => f.code);
  expect(codes).toContain("print-area-cuts");
  expect(codes).not.toContain("print-titles-missing");
});

test("formats the add-in sets: wrapping (refused on a protected sheet that does not allow formatting), a row's height up to 409", async () => {
  const host = fromExcelJs(await sampleWorkbook(SAMPLE));
  const name = host.state.sheets[0].name;
  await host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(name).getRange("H25");
    r.format.wrapText = true;
    r.format.rowHeight = 60;
    r.format.load("wrapText, rowHeight");
    await ctx.sync();
    expect(r.format.wrapText).toBe(true);
    expect(r.format.rowHeight).toBe(60);
  });
  expect(host.state.sheets[0].layout!.wrap.has(cellKey(25, 8))).toBe(true);
  await expect(
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).getRange("H25").format.rowHeight = 410;
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
  host.setProtected(name, true);
  await expect(
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).getRange("H26").format.wrapText = true;
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
  // A row's height needs "format rows", refused on a protected sheet even where cells may be formatted.
  host.state.sheets[0].protectionOptions.allowFormatCells = true;
  await expect(
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).getRange("H26").format.rowHeight = 40;
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
});

test("before ExcelApi 1.9 there is no layout to read: the check goes on without the print check's layout", async () => {
  const host = fromExcelJs(await sampleWorkbook(SAMPLE), { apiVersion: "1.8" });
  await expect(
    host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(host.state.sheets[0].name).getRange("A1:B2").getRowProperties({ rowHeight: true } as never);
      await ctx.sync();
      return r.value;
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
  const out = await actionsFor(host).check();
  expect(out.error).toBeUndefined();
  expect(out.sheets[0].result.findings.some((f) => f.code === "print-too-wide")).toBe(false);
});

test("the pane's fill wraps its drafts and grows the rows no one fixed, as the command's copy does", async () => {
  const wb = await sampleWorkbook(SAMPLE);
  const ws = wb.worksheets[0];
  // A form whose rows are as tall as Excel makes them (no height set) and whose cells do not wrap.
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.height = undefined as unknown as number;
    row.eachCell((c) => {
      if (c.alignment?.wrapText) c.alignment = { ...c.alignment, wrapText: false };
    });
  });
  const host = fromExcelJs(wb);
  const out = await actionsFor(host).fill();
  expect(out.error).toBeUndefined();
  const drafts = out.sheets[0].written.filter((w) => w.purpose === "draft").map((w) => w.cell);
  expect(drafts.length).toBeGreaterThan(0);
  const layout = host.state.sheets[0].layout!;
  for (const d of drafts) {
    const row = Number(/\d+$/.exec(d)![0]);
    expect(layout.wrap.has(cellKey(row, 8))).toBe(true);
    expect(layout.rowHeight.get(row)).toBeGreaterThan(15);
  }
  // Nothing else was made taller.
  expect([...layout.rowHeight.keys()].sort((a, b) => a - b)).toEqual(drafts.map((d) => Number(/\d+$/.exec(d)![0])).sort((a, b) => a - b));
});
