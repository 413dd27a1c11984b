// --fix --clean (issue 19 §4): the copy to submit and print — filled as --fix fills it, without the
// add-in's marks and notes, and without the ones an earlier --mark or --fix left in the input.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./run";
import { NOTE_PREFIX } from "../../src/core/plan";
import { removeOwnMarks } from "../../src/xlsx/package/sheetXml";
import { ZipArchive } from "../../src/xlsx/package/zip";
import { SAMPLES } from "../helpers";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-clean-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What of the add-in a copy holds: its marks (conditional formats) and its notes, per sheet part; and every part's text. */
function addinTraces(file: string): { marks: number; notes: number; parts: Map<string, string> } {
  const zip = new ZipArchive(new Uint8Array(fs.readFileSync(file)));
  const parts = new Map(zip.entries.filter((e) => !e.dir && /\.(xml|vml)$/.test(e.name)).map((e) => [e.name, new TextDecoder().decode(zip.read(e))]));
  let marks = 0;
  let notes = 0;
  for (const [name, text] of parts) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) marks += removeOwnMarks(text).removed;
    if (/^xl\/comments/.test(name)) notes += text.split(NOTE_PREFIX.zh).length - 1;
  }
  return { marks, notes, parts };
}

const SRC = path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx");

test("--fix --clean writes what --fix writes, with no mark and no note", async () => {
  const fixed = path.join(dir, "fixed.xlsx");
  const clean = path.join(dir, "clean.xlsx");
  const a = await runCli(["check", "-q", SRC, "--fix", "--out", fixed, "--json"]);
  const b = await runCli(["check", "-q", SRC, "--fix", "--clean", "--out", clean, "--json"]);
  expect(a.code).toBe(b.code);
  const written = (o: string) => JSON.parse(o).files[0].sheets.flatMap((s: { written?: unknown[] }) => s.written ?? []);
  expect(written(b.out)).toEqual(written(a.out));
  expect(written(b.out).length).toBeGreaterThan(0);
  expect(addinTraces(fixed).marks + addinTraces(fixed).notes).toBeGreaterThan(0);
  expect(addinTraces(clean)).toMatchObject({ marks: 0, notes: 0 });
  // The drafted reasons are in the clean copy's cells.
  const sheets = [...addinTraces(clean).parts].filter(([n]) => /sheet\d+\.xml$/.test(n) || /sharedStrings/.test(n)).map(([, t]) => t).join("");
  expect(sheets).toContain("【待补充原因】");
});

test("marks and notes an earlier --mark left in the input are taken away in the clean copy", async () => {
  const marked = path.join(dir, "marked.xlsx");
  await runCli(["check", "-q", SRC, "--mark", "--out", marked]);
  const before = addinTraces(marked);
  expect(before.marks).toBeGreaterThan(0);
  expect(before.notes).toBeGreaterThan(0);
  const clean = path.join(dir, "clean.xlsx");
  await runCli(["check", "-q", marked, "--fix", "--clean", "--out", clean]);
  expect(addinTraces(clean)).toMatchObject({ marks: 0, notes: 0 });
});

test("--clean without --fix is a usage error that says what it goes with", async () => {
  const r = await runCli(["check", SRC, "--clean"]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("--clean 需与 --fix 一起使用");
});
