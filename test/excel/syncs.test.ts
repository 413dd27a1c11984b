import { fromCells } from "../helpers";
import { analyzeSheet } from "../../src/core/engine";
import { fromExcelJs } from "../../src/emulator";
import { snapshotOf } from "../../src/xlsx/readWorkbook";
import { bigForm } from "./bigSheet";
import { actionsFor } from "./setup";

const SIZES = [10, 100, 1000];

async function counts(rows: number) {
  const host = fromExcelJs(await bigForm(rows));
  const actions = actionsFor(host);
  const check = await actions.check();
  const fill = await actions.fill();
  const clear = await actions.clearMarks();
  for (const o of [check, fill, clear]) expect(o.error).toBeUndefined();
  return {
    syncs: { check: check.syncs, fill: fill.syncs, clear: clear.syncs, total: host.syncCount },
    marks: check.sheets[0].marks.length,
    written: fill.sheets[0].written.length,
  };
}

describe("the number of syncs does not grow with the sheet", () => {
  test("the generated form is a form the engine reads, with work that grows with it", async () => {
    const wb = await bigForm(100);
    const r = analyzeSheet(snapshotOf(wb.worksheets[0]));
    expect(r.kind).toBe("self-evaluation");
    expect(r.evaluations).toHaveLength(100);
  });

  test("check, fill and clearMarks: the same count for 10, 100 and 1,000 indicator rows", async () => {
    const all = [];
    for (const n of SIZES) all.push(await counts(n));
    // Not vacuous: the work grows with the rows…
    expect(all[2].marks).toBeGreaterThan(all[1].marks);
    expect(all[1].marks).toBeGreaterThan(all[0].marks);
    expect(all[2].written).toBeGreaterThan(100);
    // …the round trips do not.
    expect(all[1].syncs).toEqual(all[0].syncs);
    expect(all[2].syncs).toEqual(all[0].syncs);
    // check: outline, read, look, write, notes; fill also removes the check's marks first; clear:
    // outline, read, look, remove, and the write of the marks record.
    expect(all[0].syncs).toEqual({ check: 5, fill: 6, clear: 5, total: 16 });
  }, 60_000);

  test("scope all lists the sheets first: one sync more, whatever the number of sheets", async () => {
    const one = fromExcelJs(await bigForm(10));
    const wb = await bigForm(10);
    for (let i = 2; i <= 4; i++) {
      const copy = wb.addWorksheet(`副本${i}`);
      const src = (await bigForm(20)).worksheets[0];
      copy.model = { ...src.model, name: `副本${i}` } as never;
    }
    const four = fromExcelJs(wb);
    const a = await actionsFor(one).fill({ scope: "all" });
    const b = await actionsFor(four).fill({ scope: "all" });
    expect(b.sheets).toHaveLength(4);
    expect(b.sheets.every((s) => s.written.length > 0)).toBe(true);
    expect(a.syncs).toBe(6);
    expect(b.syncs).toBe(6);
  }, 30_000);

  test("more than 512 merged areas fail the read (documented limit): it is read again without them", async () => {
    const host = fromExcelJs(await bigForm(1100, 2));
    const cells = () => JSON.stringify(host.state.sheets.map((s) => [...s.cells]));
    const before = cells();
    const out = await actionsFor(host).check();
    // Outline, the failed read, the read without merges, the look, the marks (and their notes).
    expect(out.syncs).toBeGreaterThanOrEqual(5);
    expect(out.error).toBeUndefined();
    expect(out.sheets[0].marks.length).toBeGreaterThan(0);
    expect(cells()).toBe(before);
    const old = fromExcelJs(await bigForm(1100, 2), { apiVersion: "1.12" });
    const ref = await actionsFor(old).check();
    // Read again without its merged areas, the sheet is read without its layout too: no print check but the draft markers.
    expect(out.sheets[0].result.findings).toEqual(fromCells(ref.sheets[0].result.findings));
  }, 60_000);
});
