import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import * as engine from "../../src/core/engine";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { SAMPLES } from "../helpers";

/**
 * The core decides what counts as typed (a space, a tab, a lone apostrophe), so the plan it makes is
 * final: a fill analyses each sheet twice at most (before and after its writes) and never plans a
 * write a writer then refuses (issue 17 §4).
 */

const FILE = path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx");
const BLANK_SCORES = path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx");

async function planned(bytes: Uint8Array) {
  const spy = jest.spyOn(engine, "analyzeSheet");
  try {
    const out = await checkWorkbookBytes("form.xlsx", bytes, { copy: "fill" });
    return { ...out, analyses: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

async function withTyped(file: string, cells: string[], typed: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  for (const c of cells) wb.worksheets[0].getCell(c).value = typed;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("a fill of a one-sheet form analyses it twice: before and after its writes", async () => {
  const { result, analyses } = await planned(new Uint8Array(fs.readFileSync(FILE)));
  expect(result.sheets[0].written!.length).toBeGreaterThan(0);
  expect(analyses).toBe(2);
});

const CASES = [" ", "\t", "  ", "'"].flatMap((typed) => [
  { typed, file: BLANK_SCORES, purposes: ["score", "grade"] },
  { typed, file: FILE, purposes: ["draft"] },
]);

test.each(CASES)("a cell a person typed $typed into ($purposes) is never in the plan: nothing refused, nothing analysed a third time", async ({ typed, file, purposes }) => {
  const first = await planned(new Uint8Array(fs.readFileSync(file)));
  const wanted = first.result.sheets[0].written!;
  const cells = purposes.map((p) => wanted.find((w) => w.purpose === p)!.cell);
  const { result, analyses, copy } = await planned(await withTyped(file, cells, typed));
  const written = result.sheets[0].written!.map((w) => w.cell);
  for (const c of cells) expect(written).not.toContain(c);
  expect(analyses).toBe(2);
  // And the copy still holds what was typed.
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(copy! as unknown as ArrayBuffer);
  for (const c of cells) expect(back.worksheets[0].getCell(c).value).toBe(typed);
});
