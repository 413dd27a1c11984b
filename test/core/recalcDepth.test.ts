// recalculate follows formulas into the formulas they read; a chain of them thousands deep (each row
// adding the next row's result) is left unknown past MAX_DEPTH, not followed until the stack runs out.
import ExcelJS from "exceljs";
import { recalculate } from "../../src/core/recalc";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";

/** Column A holds 1s; B(i) = B(i+1) + A(i) (reversed: each reads the row below), the last = A. */
function chain(rows: number, reversed: boolean): SheetSnapshot {
  const values: SheetSnapshot["values"] = [];
  const text: string[][] = [];
  const formulas: Array<Array<string | null>> = [];
  const numberFormats: string[][] = [];
  for (let i = 1; i <= rows; i++) {
    const f = reversed ? (i === rows ? `A${i}` : `B${i + 1}+A${i}`) : i === 1 ? "A1" : `B${i - 1}+A${i}`;
    values.push([1, null]);
    text.push(["1", ""]);
    formulas.push([null, f]);
    numberFormats.push(["General", "General"]);
  }
  return { name: "s", origin: { row: 1, col: 1 }, values, text, formulas, numberFormats, merges: [] };
}

test("a chain of formulas computes where it is shallow, in either direction", () => {
  expect(recalculate(chain(300, true)).snapshot.values[0][1]).toBe(300);
  expect(recalculate(chain(300, false)).snapshot.values[299][1]).toBe(300);
  // Read down the sheet, a long chain is never deep: each formula's input is computed already.
  const down = recalculate(chain(30_000, false));
  expect(down.snapshot.values[29_999][1]).toBe(30_000);
  expect(down.unknown).toEqual([]);
});

test("a chain too deep to follow is left unknown, not a crash", () => {
  const r = recalculate(chain(30_000, true));
  expect(r.unknown.length).toBeGreaterThan(0);
  expect(r.unknown).toContain("B1");
  // What it could compute it did (the end of the chain), and nothing is given a wrong value.
  expect(r.snapshot.values[29_999][1]).toBe(1);
  expect(r.snapshot.values[0][1]).toBeNull();
});

test("a workbook of such a chain is checked and reported, not crashed", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("s");
  for (let i = 1; i <= 20_000; i++) {
    ws.getCell(`A${i}`).value = 1;
    ws.getCell(`B${i}`).value = { formula: i === 20_000 ? `A${i}` : `B${i + 1}+A${i}` } as ExcelJS.CellFormulaValue;
  }
  const { result } = await checkWorkbookBytes("chain.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(result.error).toBeUndefined();
  expect(result.sheets).toHaveLength(1);
});

test("a formula no spreadsheet writes (past Excel's 8,192 characters, or nested past the stack) is unknown, not a crash", () => {
  const one = (f: string): SheetSnapshot => ({ name: "s", origin: { row: 1, col: 1 }, values: [[null]], text: [[""]], formulas: [[f]], numberFormats: [["General"]], merges: [] });
  for (const f of ["1" + "+1".repeat(100_000), "(".repeat(4000) + "1" + ")".repeat(4000), "-".repeat(8000) + "1", "SUM(".repeat(1600) + "1" + ")".repeat(1600)]) {
    const r = recalculate(one(f));
    expect(r.unknown).toEqual(["A1"]);
    expect(r.snapshot.values[0][0]).toBeNull();
  }
  // Within Excel's length, a long sum is computed.
  expect(recalculate(one("1" + "+1".repeat(4095))).snapshot.values[0][0]).toBe(4096);
});
