import { fromExcelJs } from "../../src/emulator";
import { actionsFor, changedCells, dump, openSample, sampleWorkbook } from "./setup";

const BLANK = "selfeval-defects/blank-scores.xlsx";
const SHEET = "绩效自评表";
const PLANNED = ["G13", "G14", "G15", "G16", "G28", "G31", "F32"];

describe("填写 (fill)", () => {
  test("writes exactly the plan's cells, with the plan's values and formats, and no other cell", async () => {
    const { host, actions } = await openSample(BLANK);
    const before = dump(host);
    const out = await actions.fill();
    expect(out.error).toBeUndefined();
    expect(out.sheets[0].written.map((w) => w.cell)).toEqual(PLANNED);
    expect(changedCells(before, dump(host))).toEqual(PLANNED.map((c) => `${SHEET}!${c}`).sort());
    for (const w of out.sheets[0].written) {
      const cell = host.cell(SHEET, w.cell);
      expect(cell.value).toBe(w.value);
      expect(cell.formula).toBeNull();
      if (w.numberFormat) expect(cell.numberFormat).toBe(w.numberFormat);
    }
    expect(host.cell(SHEET, "G31").text).toBe("94.33");
    expect(host.cell(SHEET, "F32").value).toBe("优");
    // After filling, the sheet reads clean of the blank-score errors.
    expect(out.sheets[0].result.findings.filter((f) => f.code === "missing-score")).toEqual([]);
  });

  test("a second fill writes nothing and leaves the workbook as the first one did", async () => {
    const { host, actions } = await openSample(BLANK);
    await actions.fill();
    const once = dump(host);
    const again = await actions.fill();
    expect(again.error).toBeUndefined();
    expect(again.sheets[0].written).toEqual([]);
    expect(dump(host)).toBe(once);
  });

  test("a typed value is never overwritten, even when the plan was made before it was typed", async () => {
    const wb = await sampleWorkbook(BLANK);
    wb.worksheets[0].getCell("G14").value = 1.5;
    const host = fromExcelJs(wb);
    const out = await actionsFor(host).fill();
    expect(out.sheets[0].written.map((w) => w.cell)).not.toContain("G14");
    expect(host.cell(SHEET, "G14").value).toBe(1.5);

    // The user types into G15 after the read, while the engine works: the cells to write are read
    // again just before the write (in the same sync as the other look-ups), and G15 is left alone.
    const h2 = fromExcelJs(await sampleWorkbook(BLANK));
    h2.beforeSync = (n, h) => {
      if (n === 3) h.userEdit(SHEET, "G15", 7);
    };
    const out2 = await actionsFor(h2).fill();
    expect(h2.syncCount).toBe(4);
    expect(out2.sheets[0].written.map((w) => w.cell)).toEqual(PLANNED.filter((c) => c !== "G15"));
    expect(h2.cell(SHEET, "G15").value).toBe(7);
  });

  test("a formula is never overwritten", async () => {
    const wb = await sampleWorkbook(BLANK);
    const ws = wb.worksheets[0];
    ws.getCell("G31").value = { formula: "SUM(G5:G30)", result: 0 } as never;
    ws.getCell("G13").value = { formula: "F13", result: "" } as never;
    const host = fromExcelJs(wb);
    const out = await actionsFor(host).fill();
    const written = out.sheets[0].written.map((w) => w.cell);
    expect(written).not.toContain("G31");
    expect(written).not.toContain("G13");
    expect(host.cell(SHEET, "G31").formula).toBe("=SUM(G5:G30)");
    expect(host.cell(SHEET, "G13").formula).toBe("=F13");
  });

  test("a sheet that is not a form is reported and left alone", async () => {
    const wb = await sampleWorkbook(BLANK);
    const notes = wb.addWorksheet("填表说明");
    notes.getCell("A1").value = "请按要求填写绩效自评表。";
    notes.getCell("B3").value = "";
    const host = fromExcelJs(wb);
    const before = dump(host);
    const out = await actionsFor(host).fill({ scope: "all" });
    expect(out.sheets.map((s) => [s.result.sheet, s.result.kind, s.written.length > 0])).toEqual([
      [SHEET, "self-evaluation", true],
      ["填表说明", "none", false],
    ]);
    expect(changedCells(before, dump(host)).filter((c) => c.startsWith("填表说明!"))).toEqual([]);
    expect(host.sheet("填表说明").cfs).toEqual([]);
  });

  test("check writes no value at all", async () => {
    const { host, actions } = await openSample(BLANK);
    const before = dump(host);
    const out = await actions.check();
    expect(out.sheets[0].written).toEqual([]);
    expect(changedCells(before, dump(host))).toEqual([]);
    expect(out.sheets[0].marks.map((m) => m.cell)).toEqual(PLANNED);
  });
});
