import { OfficeMockObject } from "office-addin-mock";
import type { Capabilities } from "../../src/excel/capabilities";
import { queueSheetRead, snapshotFromRead } from "../../src/excel/readSheet";

const NOT_LOADED = "Error, property was not loaded";

/** An Excel object model as office-addin-mock builds it: properties read as an error string until loaded and synced. */
function mockExcel() {
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: "绩效自评表",
            id: "{S1}",
            protection: { protected: true },
            usedRange: {
              address: "绩效自评表!B12:D13",
              rowIndex: 11,
              columnIndex: 1,
              values: [["一级指标", "", 0.978], [4, "", ""]],
              text: [["一级指标", "", "97.80%"], ["4.00", "", ""]],
              numberFormat: [["General", "General", "0.00%"], ["0.00", "General", "General"]],
              formulas: [["一级指标", "", 0.978], ["=2*2", "", ""]],
            },
            whole: {
              merged: { address: "绩效自评表!B12:C12, 绩效自评表!$C$13:$D$13" },
              getMergedAreasOrNullObject() {
                return this.merged;
              },
            },
            getUsedRangeOrNullObject() {
              return this.usedRange;
            },
            getUsedRange() {
              return this.usedRange;
            },
            getRange() {
              return this.whole;
            },
          },
          getActiveWorksheet() {
            return this.sheet;
          },
        },
      },
    },
    run: async function (callback: (ctx: unknown) => Promise<unknown>) {
      return callback((this as unknown as { context: unknown }).context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: { workbook: { worksheets: { sheet: { usedRange: Record<string, unknown>; whole: { merged: Record<string, unknown> } } } } };
    run: typeof Excel.run;
  };
  // isNullObject is not a loadable property: Office.js sets it at sync. The mock needs it given.
  mock.context.workbook.worksheets.sheet.usedRange.isNullObject = false;
  mock.context.workbook.worksheets.sheet.whole.merged.isNullObject = false;
  return mock;
}

const CAPS: Pick<Capabilities, "usedRangeOrNull" | "mergedAreas"> = { usedRangeOrNull: true, mergedAreas: true };

describe("readSheet against office-addin-mock", () => {
  test("builds the snapshot from the loaded used range, merged areas and protection", async () => {
    const excel = mockExcel();
    const snap = await excel.run(async (ctx) => {
      const read = queueSheetRead(ctx.workbook.worksheets.getActiveWorksheet(), CAPS);
      await ctx.sync();
      return snapshotFromRead(read);
    });
    expect(JSON.stringify(snap)).not.toContain(NOT_LOADED);
    expect(snap).toEqual({
      name: "绩效自评表",
      origin: { row: 12, col: 2 },
      values: [["一级指标", null, 0.978], [4, null, null]],
      text: [["一级指标", "", "97.80%"], ["4.00", "", ""]],
      numberFormats: [["General", "General", "0.00%"], ["0.00", "General", "General"]],
      formulas: [[null, null, null], ["=2*2", null, null]],
      merges: ["B12:C12", "C13:D13"],
      protected: true,
    });
  });

  test("without ExcelApi 1.13 the merged areas are not asked for", async () => {
    const excel = mockExcel();
    const snap = await excel.run(async (ctx) => {
      const read = queueSheetRead(ctx.workbook.worksheets.getActiveWorksheet(), { ...CAPS, mergedAreas: false });
      await ctx.sync();
      return snapshotFromRead(read);
    });
    expect(snap.merges).toEqual([]);
    expect(snap.values[1][0]).toBe(4);
  });

  test("a property the read did not load shows up (the control: this test can fail)", async () => {
    const excel = mockExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRangeOrNullObject();
      used.load("values");
      await ctx.sync();
      expect(used.values[0][0]).toBe("一级指标");
      expect(used.text as unknown).toBe(NOT_LOADED);
      expect(() => snapshotFromRead({ sheet, used, merged: null })).toThrow();
    });
  });
});
