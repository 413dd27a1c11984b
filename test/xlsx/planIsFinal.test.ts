import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import * as engine from "../../src/core/engine";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { SAMPLES } from "../helpers";

/**
 * The core decides what counts as typed (a space, a tab, a lone apostrophe), so the plan it makes is
 * final: a fill reads each sheet twice at most (before and after its writes), runs its rules once (on
 * the sheet as it will read), and never plans a write a writer then refuses (issue 17 §4).
 */

const FILE = path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx");
const BLANK_SCORES = path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx");

/** How often the fill read the sheet (recognised and evaluated it) and ran its rules. */
async function planned(bytes: Uint8Array) {
  // analyzeSheet reads and runs the rules; the fill's own first read (ruleContextOf) runs none, unless nothing is written (resultOf).
  const spies = { analyze: jest.spyOn(engine, "analyzeSheet"), read: jest.spyOn(engine, "ruleContextOf"), rules: jest.spyOn(engine, "resultOf") };
  try {
    const out = await checkWorkbookBytes("form.xlsx", bytes, { copy: "fill" });
    const n = (k: keyof typeof spies) => spies[k].mock.calls.length;
    return { ...out, analyses: n("analyze") + n("read"), ruleRuns: n("analyze") + n("rules") };
  } finally {
    for (const s of Object.values(spies)) s.mockRestore();
  }
}

async function withTyped(file: string, cells: string[], typed: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  for (const c of cells) wb.worksheets[0].getCell(c).value = typed;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("a fill of a one-sheet form reads it twice (before and after its writes) and runs its rules once", async () => {
  const { result, analyses, ruleRuns } = await planned(new Uint8Array(fs.readFileSync(FILE)));
  expect(result.sheets[0].written!.length).toBeGreaterThan(0);
  expect(analyses).toBe(2);
  expect(ruleRuns).toBe(1);
  // The findings reported are the sheet's as it will read: the drafted reasons still wanting one.
  expect(result.sheets[0].findings.some((f) => f.code === "missing-explanation")).toBe(true);
});

test("a fill with nothing to write reads the form once and runs its rules once", async () => {
  const filled = (await checkWorkbookBytes("form.xlsx", new Uint8Array(fs.readFileSync(FILE)), { copy: "fill" })).copy!;
  const { result, analyses, ruleRuns } = await planned(filled);
  expect(result.sheets[0].written).toEqual([]);
  expect(analyses).toBe(1);
  expect(ruleRuns).toBe(1);
  expect(result.sheets[0].findings.some((f) => f.code === "missing-explanation")).toBe(true);
});

const CASES = [" ", "\t", "  ", "'"].flatMap((typed) => [
  { typed, file: BLANK_SCORES, purposes: ["score", "grade"] },
  { typed, file: FILE, purposes: ["draft"] },
]);

test.each(CASES)("a cell a person typed $typed into ($purposes) is never in the plan: nothing refused, nothing analysed a third time", async ({ typed, file, purposes }) => {
  const first = await planned(new Uint8Array(fs.readFileSync(file)));
  const wanted = first.result.sheets[0].written!;
  const cells = purposes.map((p) => wanted.find((w) => w.purpose === p)!.cell);
  const { result, analyses, ruleRuns, copy } = await planned(await withTyped(file, cells, typed));
  const written = result.sheets[0].written!.map((w) => w.cell);
  for (const c of cells) expect(written).not.toContain(c);
  expect(analyses).toBe(2);
  expect(ruleRuns).toBe(1);
  // And the copy still holds what was typed.
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(copy! as unknown as ArrayBuffer);
  for (const c of cells) expect(back.worksheets[0].getCell(c).value).toBe(typed);
});
