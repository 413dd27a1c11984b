import { EmulatedExcel, fromExcelJs } from "../../src/emulator";
import { snapshotOf } from "../../src/xlsx/readWorkbook";
import { sampleHost, sampleWorkbook, tinyWorkbook } from "./load";

function host(): EmulatedExcel {
  const wb = tinyWorkbook((ws) => {
    ws.getCell("A1").value = "项目";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = 0.978;
    ws.getCell("A2").numFmt = "0.00%";
    ws.getCell("B2").value = 3;
    ws.getCell("C2").value = { formula: "B2*2", result: 6 } as never;
    ws.getCell("D2").value = 94.456;
    ws.getCell("D2").numFmt = "0.00";
  });
  return fromExcelJs(wb);
}

describe("reading ranges", () => {
  test("a property cannot be read before it is loaded and synced", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A2:D2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[0.978, 3, 6, 94.456]]);
      // Loading one property does not load another.
      expect(() => r.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a merged area reads empty except its top-left cell", async () => {
    const h = host();
    const out = await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:C1");
      r.load("values, text, formulas");
      await ctx.sync();
      return { values: r.values, text: r.text, formulas: r.formulas };
    });
    expect(out).toEqual({ values: [["项目", "", ""]], text: [["项目", "", ""]], formulas: [["项目", "", ""]] });
  });

  test("percentages are fractions in values and formatted in text", async () => {
    const h = host();
    const out = await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A2:D2");
      r.load(["values", "text", "numberFormat"]);
      await ctx.sync();
      return r.toJSON();
    });
    expect(out.values).toEqual([[0.978, 3, 6, 94.456]]);
    expect(out.text).toEqual([["97.80%", "3", "6", "94.46"]]);
    expect(out.numberFormat).toEqual([["0.00%", "General", "General", "0.00"]]);
  });

  test("formulas give the formula where there is one and the value elsewhere", async () => {
    const h = host();
    const out = await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:C2");
      r.load({ values: true, formulas: true });
      await ctx.sync();
      return r.toJSON();
    });
    expect(out.values).toEqual([[3, 6]]);
    expect(out.formulas).toEqual([[3, "=B2*2"]]);
  });

  test("the used range of a sample spans its cells, with the address Excel gives", async () => {
    const h = await sampleHost("selfeval-defects/blank-scores.xlsx");
    const out = await h.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      used.load("address, rowIndex, columnIndex, rowCount, columnCount");
      await ctx.sync();
      return used.toJSON();
    });
    expect(out).toEqual({ address: "绩效自评表!A1:H32", rowIndex: 0, columnIndex: 0, rowCount: 32, columnCount: 8 });
  });

  test("the host's own snapshots are what the ExcelJS adapter reads from the same file", async () => {
    const wb = await sampleWorkbook("selfeval-defects/missing-reasons.xlsx");
    const h = fromExcelJs(wb);
    const ref = snapshotOf(wb.worksheets[0]);
    expect({ ...h.snapshots()[0], merges: [...h.snapshots()[0].merges].sort() }).toEqual({ ...ref, merges: [...ref.merges].sort() });
  });

  test("a blank sheet has a null used range (isNullObject is known only after the sync)", async () => {
    const h = EmulatedExcel.withSheets(["空白"]);
    await h.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
      used.load("address");
      expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
    });
  });

  test("merged areas (ExcelApi 1.13): the address lists top-left cells only (office-js 1590), the areas are whole; missing before 1.13", async () => {
    const read = async (knownBugs: boolean) => {
      const h = await sampleHost("selfeval/guanlijingfei.xlsx", { knownBugs });
      return h.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().getMergedAreasOrNullObject();
        m.load("address, areaCount");
        m.areas.load("items/address");
        await ctx.sync();
        return { address: m.address, count: m.areaCount, areas: m.areas.items.map((r) => r.address) };
      });
    };
    const real = await read(true);
    expect(real.count).toBe(16);
    expect(real.address.split(", ")).toHaveLength(16);
    expect(real.address).toMatch(/^绩效自评表!A\d+, /);
    expect(real.address).not.toContain(":");
    expect(real.areas).toHaveLength(16);
    expect(real.areas.every((a) => /^绩效自评表![A-Z]+\d+:[A-Z]+\d+$/.test(a))).toBe(true);
    const ideal = await read(false);
    expect(ideal.address.split(", ")).toEqual(real.areas);

    const old = await sampleHost("selfeval/guanlijingfei.xlsx", { apiVersion: "1.12" });
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("writing ranges", () => {
  test("null leaves a cell as it is, an empty string clears it, '=' makes a formula", async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:D2").values = [[null, "=B2+1", ""]];
      await ctx.sync();
    });
    expect(h.cell("Sheet1", "B2").value).toBe(3);
    expect(h.cell("Sheet1", "C2")).toMatchObject({ formula: "=B2+1", value: 4 });
    expect(h.cell("Sheet1", "D2").value).toBeNull();
  });

  test("nothing is written before the sync", async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("B2").values = [[9]];
      expect(h.cell("Sheet1", "B2").value).toBe(3);
      await ctx.sync();
      expect(h.cell("Sheet1", "B2").value).toBe(9);
    });
  });

  test("a value array of the wrong size fails the sync", async () => {
    const h = host();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:C2").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("writing into a merged area other than its top-left cell fails", async () => {
    const h = host();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("B1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
