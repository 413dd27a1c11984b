import { analyzeSheet } from "../../src/core/engine";
import type { CellWrite, WritePlan } from "../../src/core/plan";
import { fromExcelJs } from "../../src/emulator";
import { detectCapabilities } from "../../src/excel/capabilities";
import { queueOutline, readSheets, snapshotFromRead } from "../../src/excel/readSheet";
import { queueLook } from "../../src/excel/inspect";
import { isWritable, queueSheetWrites, type WriteOptions } from "../../src/excel/writePlan";
import { sampleWorkbook } from "./setup";

const SHEET = "绩效自评表";
const OPTS: WriteOptions = { marks: true, dropDowns: true, protectedSheet: { on: false, allowFormatCells: false } };

/** Outline and read the active sheet, as the adapter does. */
async function readActive(ctx: Excel.RequestContext, caps: ReturnType<typeof detectCapabilities>) {
  const sheet = ctx.workbook.worksheets.getActiveWorksheet();
  const outline = queueOutline(sheet, caps);
  await ctx.sync();
  const [read] = await readSheets([outline], caps, () => ctx.sync());
  return { sheet, outline, snap: snapshotFromRead(read) };
}

const write = (cell: string, value: number | string): CellWrite => ({ cell, value, numberFormat: "0.00", purpose: "score", message: { zh: "", en: "" } });

describe("queueSheetWrites: the last guard before a write (RULES §7)", () => {
  test("a plan that points at a typed value (a space included), a formula or a merged cell is not followed there", async () => {
    const wb = await sampleWorkbook("selfeval-defects/blank-scores.xlsx");
    const ws = wb.worksheets[0];
    ws.getCell("G31").value = { formula: "SUM(G13:G30)", result: 80 } as never;
    ws.getCell("H13").value = "   ";
    const host = fromExcelJs(wb);
    const caps = detectCapabilities(host.isSetSupported, host.library);
    const plan: WritePlan = {
      writes: [write("G13", 9), write("C13", 1), write("G31", 2), write("A14", 3), write("H13", 4), write("Z99", 5)],
      marks: [],
    };
    const out = await host.run(async (ctx) => {
      const { sheet, outline, snap } = await readActive(ctx as unknown as Excel.RequestContext, caps);
      expect(isWritable(snap, "A13")).toBe(false);
      const look = queueLook(sheet, outline.notes, { writes: plan.writes.map((w) => w.cell), marks: [], notes: [], dropDowns: [] }, { lockedToo: false, readMarks: true });
      await ctx.sync();
      const q = queueSheetWrites(sheet, snap, plan, analyzeSheet(snap), look, OPTS);
      await ctx.sync();
      return q;
    });
    expect(out.written.map((w) => w.cell)).toEqual(["G13", "Z99"]);
    // H13 holds three spaces a person typed: their content, kept.
    expect(out.skipped.map((w) => w.cell)).toEqual(["C13", "G31", "A14", "H13"]);
    expect(host.cell(SHEET, "H13").value).toBe("   ");
    expect(host.cell(SHEET, "C13").value).not.toBe(1);
    expect(host.cell(SHEET, "G31").formula).toBe("=SUM(G13:G30)");
    expect(host.cell(SHEET, "Z99")).toMatchObject({ value: 5, numberFormat: "0.00", text: "5.00" });
  });

  test("a text that Excel would read as a formula is written as text", async () => {
    const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
    const caps = detectCapabilities(host.isSetSupported, host.library);
    await host.run(async (ctx) => {
      const { sheet, outline, snap } = await readActive(ctx as unknown as Excel.RequestContext, caps);
      const plan: WritePlan = { writes: [{ cell: "H20", value: "=1+1 不是公式", purpose: "draft", message: { zh: "", en: "" } }], marks: [] };
      const look = queueLook(sheet, outline.notes, { writes: ["H20"], marks: [], notes: [], dropDowns: [] }, { lockedToo: false, readMarks: true });
      await ctx.sync();
      queueSheetWrites(sheet, snap, plan, analyzeSheet(snap), look, OPTS);
      await ctx.sync();
    });
    expect(host.cell(SHEET, "H20")).toMatchObject({ value: "=1+1 不是公式", formula: null });
  });
});
