import { withoutLayout } from "../helpers";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { snapshotOf } from "../../src/xlsx/readWorkbook";
import { detectCapabilities } from "../../src/excel/capabilities";
import { areasOf, queueOutline, readSheets, snapshotFromRead } from "../../src/excel/readSheet";
import { fromExcelJs, type EmulatedExcel } from "../../src/emulator";
import { sampleWorkbook, sampleFiles } from "./setup";
import { tinyWorkbook } from "../emulator/load";

async function readAll(host: EmulatedExcel) {
  const caps = detectCapabilities(host.isSetSupported, host.library);
  return host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const outlines = sheets.items.map((s) => queueOutline(s, caps));
    await ctx.sync();
    const before = host.syncCount;
    const reads = await readSheets(outlines, caps, () => ctx.sync());
    return { snaps: reads.map(snapshotFromRead), readSyncs: host.syncCount - before };
  });
}

const sortedMerges = <T extends { merges: string[] }>(s: T) => ({ ...s, merges: [...s.merges].sort() });
/** Office.js cannot tell an empty string from an empty cell: both read "". */
const noEmptyStrings = (s: SheetSnapshot): SheetSnapshot => ({ ...s, values: s.values.map((r) => r.map((v) => (v === "" ? null : v))) });

describe("readSheet", () => {
  test.each(sampleFiles())("reads %s as the ExcelJS adapter does, in one sync", async (rel) => {
    const wb = await sampleWorkbook(rel);
    const { snaps, readSyncs } = await readAll(fromExcelJs(wb));
    expect(readSyncs).toBe(1);
    // The layout (ExcelApi 1.9) is the print check's, compared with the command's in parity.test.ts.
    expect(snaps.map(withoutLayout).map(sortedMerges)).toEqual(wb.worksheets.map((ws) => sortedMerges(noEmptyStrings(snapshotOf(ws)))));
    expect(snaps.every((s) => s.layout !== undefined)).toBe(true);
  });

  test("without ExcelApi 1.13 there are no merged areas, and the rest is the same", async () => {
    const wb = await sampleWorkbook("selfeval/guanlijingfei.xlsx");
    const { snaps } = await readAll(fromExcelJs(wb, { apiVersion: "1.12" }));
    expect(snaps[0].merges).toEqual([]);
    expect({ ...withoutLayout(snaps[0]), merges: [] }).toEqual({ ...noEmptyStrings(snapshotOf(wb.worksheets[0])), merges: [] });
  });

  test("formulas are kept only where a cell has one; empty strings read as null; protection is read", async () => {
    const wb = tinyWorkbook((ws) => {
      ws.getCell("B2").value = 5;
      ws.getCell("C2").value = { formula: "B2*2", result: 10 } as never;
      ws.getCell("D2").value = "=not a formula, text";
      ws.getCell("E3").value = 0.5;
      ws.getCell("E3").numFmt = "0.00%";
    });
    const host = fromExcelJs(wb);
    host.setProtected("Sheet1", true);
    const { snaps } = await readAll(host);
    expect(withoutLayout(snaps[0])).toEqual({
      name: "Sheet1",
      origin: { row: 2, col: 2 },
      values: [
        [5, 10, "=not a formula, text", null],
        [null, null, null, 0.5],
      ],
      text: [
        ["5", "10", "=not a formula, text", ""],
        ["", "", "", "50.00%"],
      ],
      numberFormats: [
        ["General", "General", "General", "General"],
        ["General", "General", "General", "0.00%"],
      ],
      formulas: [
        [null, "=B2*2", null, null],
        [null, null, null, null],
      ],
      merges: [],
      protected: true,
    });
  });

  test("formatting alone does not stretch the read (values-only used range)", async () => {
    const wb = tinyWorkbook((ws) => {
      ws.getCell("B2").value = "项目";
      ws.getCell("Z5000").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      ws.mergeCells("D3:E3");
    });
    const { snaps } = await readAll(fromExcelJs(wb));
    expect(snaps[0].origin).toEqual({ row: 2, col: 2 });
    expect(snaps[0].values).toEqual([["项目"]]);
    expect(snaps[0].merges).toEqual(["D3:E3"]);
  });

  test("a blank sheet reads as an empty snapshot", async () => {
    const host = fromExcelJs(tinyWorkbook(() => undefined, "空表"));
    const { snaps } = await readAll(host);
    expect(snaps[0]).toMatchObject({ name: "空表", values: [], merges: [], protected: false });
  });

  test("areasOf splits a RangeAreas address, quoted sheet names and all", () => {
    expect(areasOf("绩效自评表!A1:H1, 绩效自评表!$A$13:$A$21")).toEqual(["A1:H1", "A13:A21"]);
    expect(areasOf("'a, b''s'!B2:C3,'x!y'!D4")).toEqual(["B2:C3", "D4"]);
    expect(areasOf(undefined)).toEqual([]);
  });
});
