import { createActions } from "../../src/excel/actions";
import { OwnChanges } from "../../src/excel/ownChanges";
import { fromExcelJs } from "../../src/emulator";
import { openSample, sampleWorkbook } from "./setup";

const BLANK = "selfeval-defects/blank-scores.xlsx";
const SHEET = "绩效自评表";

describe("onChange", () => {
  test("ExcelApi 1.8 (Worksheet.onChanged of the active sheet): a person's edit is reported, and the fill writes no value (no merged areas)", async () => {
    const { host, actions } = await openSample(BLANK, { apiVersion: "1.8" });
    let calls = 0;
    await actions.onChange(() => void calls++);
    const out = await actions.fill();
    expect(out.sheets[0].written).toEqual([]);
    await host.flushEvents();
    expect(calls).toBe(0);
    host.userEdit(SHEET, "H20", "用户输入");
    await host.flushEvents();
    expect(calls).toBe(1);
  });

  test.each(["1.20", "1.14", "1.13"])("ExcelApi %s: the add-in's own writes are ignored, the user's edits are reported", async (apiVersion) => {
    const { host, actions } = await openSample(BLANK, { apiVersion });
    let calls = 0;
    const stop = await actions.onChange(() => void calls++);
    const out = await actions.fill();
    expect(out.sheets[0].written.length).toBeGreaterThan(0);
    await host.flushEvents();
    expect(calls).toBe(0);
    host.userEdit(SHEET, "H20", "用户输入");
    await host.flushEvents();
    expect(calls).toBe(1);
    await stop();
    host.userEdit(SHEET, "H21", "再次输入");
    await host.flushEvents();
    expect(calls).toBe(1);
  });

  test.each(["1.20", "1.13"])("ExcelApi %s: the ribbon's writes (another page of the add-in) reach an open pane's handler", async (apiVersion) => {
    const { host } = await openSample(BLANK, { apiVersion });
    const pane = createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library });
    const ribbon = createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library });
    let calls = 0;
    await pane.onChange(() => void calls++);
    const out = await ribbon.fill();
    expect(out.sheets[0].written.length).toBeGreaterThan(0);
    await host.flushEvents();
    expect(calls).toBeGreaterThan(0);
    // (The pane's own writes stay its own: the first test of this file.)
  });

  test("a user's edit of a cell the add-in just wrote, after the grace period, is reported", async () => {
    let now = 1_000;
    const host = fromExcelJs(await sampleWorkbook(BLANK), { apiVersion: "1.13" });
    const actions = createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library, now: () => now });
    let calls = 0;
    await actions.onChange(() => void calls++);
    await actions.fill();
    await host.flushEvents();
    expect(calls).toBe(0);
    now += 60_000;
    host.userEdit(SHEET, "G13", 3);
    await host.flushEvents();
    expect(calls).toBe(1);
  });

  test("OwnChanges: this page's writes by cell and time; ThisLocalAddin alone is another page of the add-in", () => {
    let now = 0;
    const own = new OwnChanges(() => now, 100);
    // The ribbon's commands write as "ThisLocalAddin" too: while this page writes nothing, not ours.
    expect(own.isOwn({ worksheetId: "s", address: "A1", triggerSource: "ThisLocalAddin" })).toBe(false);
    own.begin("s", ["A1"]);
    own.start();
    expect(own.isOwn({ worksheetId: "s", address: "$A$1" })).toBe(true);
    expect(own.isOwn({ worksheetId: "s", address: "A1", triggerSource: "ThisLocalAddin" })).toBe(true);
    expect(own.isOwn({ worksheetId: "s", address: "A2", triggerSource: "ThisLocalAddin" })).toBe(false);
    expect(own.isOwn({ worksheetId: "s", address: "A2" })).toBe(false);
    expect(own.isOwn({ worksheetId: "t", address: "A1" })).toBe(false);
    own.end();
    now = 50;
    expect(own.isOwn({ worksheetId: "s", address: "A1" })).toBe(true);
    now = 200;
    expect(own.isOwn({ worksheetId: "s", address: "A1" })).toBe(false);
  });

  test("OwnChanges: where the event names its source, a person's edit is never ours, however soon", () => {
    const own = new OwnChanges(() => 0, 2000);
    own.begin("s", ["H25"]);
    own.start();
    own.end();
    // Without a source (before ExcelApi 1.14) the timing guess applies…
    expect(own.isOwn({ worksheetId: "s", address: "H25" })).toBe(true);
    // …with one, "Unknown" is what Excel reports for a person typing.
    expect(own.isOwn({ worksheetId: "s", address: "H25", triggerSource: "Unknown" })).toBe(false);
  });
});

describe("select", () => {
  test("activates the sheet and selects the cell", async () => {
    const wb = await sampleWorkbook(BLANK);
    wb.addWorksheet("说明").getCell("A1").value = "x";
    const host = fromExcelJs(wb);
    host.state.activeSheetId = host.sheet("说明").id;
    await createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library }).select(SHEET, "H25");
    expect(host.activeSheet.name).toBe(SHEET);
    expect(host.state.selection).toEqual({ sheetId: host.sheet(SHEET).id, address: "H25" });
  });
});
