import { dumpSheet, fromExcelJs, type EmulatedExcel } from "../../src/emulator";
import { tinyWorkbook } from "./load";

function host(opts = {}): EmulatedExcel {
  return fromExcelJs(
    tinyWorkbook((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("B1").value = 2;
    }),
    opts,
  );
}

const dump = (h: EmulatedExcel) => JSON.stringify(h.state.sheets.map(dumpSheet));

describe("batches", () => {
  test("every context.sync() is one round trip; Excel.run syncs at the end only when something is pending", async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      await ctx.sync();
    });
    expect(h.syncCount).toBe(2);
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("C1").values = [[3]];
    });
    expect(h.syncCount).toBe(3);
    expect(h.cell("Sheet1", "C1").value).toBe(3);
  });

  test("in cell edit mode a sync fails with InvalidOperationInCellEditMode and applies nothing", async () => {
    const h = host();
    const before = dump(h);
    h.setEditMode(true);
    await expect(
      h.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getActiveWorksheet();
        sheet.getRange("A1").values = [[10]];
        const cf = sheet.getRange("B1").conditionalFormats.add("Custom");
        cf.custom.rule.formula = "=TRUE";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(dump(h)).toBe(before);
    h.setEditMode(false);
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[10]];
      await ctx.sync();
    });
    expect(h.cell("Sheet1", "A1").value).toBe(10);
  });

  test("delayForCellEdit waits for the user to leave edit mode instead of failing", async () => {
    const h = host();
    h.setEditMode(true);
    const done = h.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[5]];
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(h.cell("Sheet1", "A1").value).toBe(1);
    h.setEditMode(false);
    await done;
    expect(h.cell("Sheet1", "A1").value).toBe(5);
  });

  test("a write to a protected sheet fails with AccessDenied; instructions after it do not run", async () => {
    const h = host();
    h.setProtected("Sheet1", true);
    const before = dump(h);
    await expect(
      h.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getActiveWorksheet();
        sheet.getRange("A1").values = [[10]];
        sheet.getRange("B1").numberFormat = [["0.00"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(dump(h)).toBe(before);
  });

  test("a batch is not a transaction: what ran before the failing instruction stays applied", async () => {
    const wb = tinyWorkbook((ws) => void (ws.getCell("A1").value = 1));
    wb.addWorksheet("Locked").getCell("A1").value = 1;
    const h = fromExcelJs(wb);
    h.setProtected("Locked", true);
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
        ctx.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(h.cell("Sheet1", "A1").value).toBe(2);
    expect(h.cell("Locked", "A1").value).toBe(1);
    expect(h.cell("Sheet1", "B1").value).toBeNull();
  });

  test("a missing sheet is an ItemNotFound at sync; getItemOrNullObject gives a null object", async () => {
    const h = host();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("不存在").load("name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    const isNull = await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject("不存在");
      s.load("name");
      await ctx.sync();
      return s.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("requirement sets: isSetSupported follows apiVersion and the left-out sets", () => {
    const h = host({ apiVersion: "1.17", without: ["1.13"] });
    expect(h.isSetSupported("ExcelApi", "1.6")).toBe(true);
    expect(h.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(h.isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(h.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(h.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  test("each sync that changes something is one undo step, or one for the run with mergeUndoGroup (1.20)", async () => {
    const twoSyncs = async (h: EmulatedExcel, merge: boolean) =>
      h.run({ mergeUndoGroup: merge }, async (ctx) => {
        const s = ctx.workbook.worksheets.getActiveWorksheet();
        s.getRange("A1").values = [[7]];
        await ctx.sync();
        s.getRange("B1").values = [[8]];
        await ctx.sync();
      });
    const a = host();
    await twoSyncs(a, false);
    expect(a.undoDepth).toBe(2);
    const b = host();
    const original = dump(b);
    await twoSyncs(b, true);
    expect(b.undoDepth).toBe(1);
    b.undo();
    expect(dump(b)).toBe(original);
    // Below ExcelApi 1.20 an add-in's write is not undoable and clears the undo stack, a person's edits included.
    const old = host({ apiVersion: "1.19" });
    old.userEdit(old.state.sheets[0].name, "C3", "typed");
    expect(old.undoDepth).toBe(1);
    await twoSyncs(old, true);
    expect(old.undoDepth).toBe(0);
  });
});
