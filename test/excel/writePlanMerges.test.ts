// The add-in's last guard before a write asks, for each cell, whether a merged area hides it. On a
// form that merges each row's reason cells that was every area parsed for every write (2,000 rows:
// 8 million ranges). The areas are now read once for the plan: parsed a number of times that grows
// with the areas and the cells, not with their product. Asserted by counting, not by timing.
import * as address from "../../src/core/address";
import { analyzeSheet } from "../../src/core/engine";
import type { CellWrite, WritePlan } from "../../src/core/plan";
import { fromExcelJs } from "../../src/emulator";
import { detectCapabilities } from "../../src/excel/capabilities";
import { queueOutline, readSheets, snapshotFromRead } from "../../src/excel/readSheet";
import { queueLook } from "../../src/excel/inspect";
import { queueSheetWrites, type WriteOptions } from "../../src/excel/writePlan";
import { sampleWorkbook } from "./setup";

const OPTS: WriteOptions = { marks: false, dropDowns: true, protectedSheet: { on: false, allowFormatCells: false } };
const draft = (cell: string): CellWrite => ({ cell, value: "【待补充原因】", purpose: "draft", message: { zh: "", en: "" } });

test("a plan's cells are looked up among merged areas read once, and a merged cell is still not written", async () => {
  const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
  const caps = detectCapabilities(host.isSetSupported, host.library);
  const rows = Array.from({ length: 400 }, (_, i) => 40 + i);
  const out = await host.run(async (ctx) => {
    const c = ctx as unknown as Excel.RequestContext;
    const sheet = c.workbook.worksheets.getActiveWorksheet();
    const outline = queueOutline(sheet, caps);
    await c.sync();
    const [read] = await readSheets([outline], caps, () => c.sync());
    const base = snapshotFromRead(read);
    // Every row from 40 merges K:L; the plan writes K (an area's top-left) and L (hidden under it).
    const snap = { ...base, merges: [...base.merges, ...rows.map((r) => `K${r}:L${r}`)] };
    const plan: WritePlan = { writes: rows.flatMap((r) => [draft(`K${r}`), draft(`L${r}`)]), marks: [] };
    const look = queueLook(sheet, outline.notes, { writes: plan.writes.map((w) => w.cell), marks: [], notes: [], dropDowns: [] }, { lockedToo: false, readMarks: true });
    await c.sync();
    const parsed = jest.spyOn(address, "parseRange");
    const q = queueSheetWrites(sheet, snap, plan, analyzeSheet(base), look, OPTS);
    const calls = parsed.mock.calls.length;
    parsed.mockRestore();
    await c.sync();
    return { q, calls, areas: snap.merges.length, cells: plan.writes.length };
  });
  expect(out.q.written.map((w) => w.cell)).toEqual(rows.map((r) => `K${r}`));
  expect(out.q.skipped.map((w) => w.cell)).toEqual(rows.map((r) => `L${r}`));
  // About once each area (and a few dozen for the rest of the plan); before, areas × cells (some 340,000 here).
  expect(out.calls).toBeLessThanOrEqual(out.areas + 50);
  expect(out.calls).toBeLessThan(out.areas * out.cells);
});
