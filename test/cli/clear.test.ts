// jixiao clear (issue 19 §4): a copy with the add-in's marks and notes taken away and nothing else
// changed — what was filled stays, a person's own notes stay, the original is never touched.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { runCli } from "./run";
import { NOTE_PREFIX } from "../../src/core/plan";
import { removeOwnMarks } from "../../src/xlsx/package/sheetXml";
import { ZipArchive } from "../../src/xlsx/package/zip";
import { SAMPLES } from "../helpers";

const FIXTURES = path.join(__dirname, "..", "fixtures");

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-clear-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function partsOf(file: string): Map<string, string> {
  const zip = new ZipArchive(new Uint8Array(fs.readFileSync(file)));
  return new Map(zip.entries.filter((e) => !e.dir && /\.(xml|vml|rels)$/.test(e.name)).map((e) => [e.name, new TextDecoder().decode(zip.read(e))]));
}

function traces(file: string): { marks: number; notes: number; comments: string } {
  let marks = 0;
  let notes = 0;
  let comments = "";
  for (const [name, text] of partsOf(file)) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) marks += removeOwnMarks(text).removed;
    if (/^xl\/comments/.test(name)) {
      notes += text.split(NOTE_PREFIX.zh).length - 1;
      comments += text;
    }
  }
  return { marks, notes, comments };
}

/** The cells of every sheet: what a clear must leave as it was. */
function cellsOf(file: string): string {
  return [...partsOf(file)]
    .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .map(([n, t]) => `${n}:${/<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/.exec(t)?.[0]}`)
    .join("\n");
}

const SRC = path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx");

test("a filled and marked copy, cleared, has what --fix --clean writes: the same cells, no mark, no note", async () => {
  const fixed = path.join(dir, "fixed.xlsx");
  const submit = path.join(dir, "submit.xlsx");
  await runCli(["check", "-q", SRC, "--fix", "--out", fixed]);
  await runCli(["check", "-q", SRC, "--fix", "--clean", "--out", submit]);
  const before = traces(fixed);
  expect(before.marks).toBeGreaterThan(0);
  expect(before.notes).toBeGreaterThan(0);
  const original = fs.readFileSync(fixed);
  const r = await runCli(["clear", fixed, "--json"]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  const out = doc.files[0].out as string;
  expect(path.basename(out)).toBe("fixed.cleared.xlsx");
  // The counts said are the counts there were.
  const said = (doc.files[0].sheets as Array<{ marks: number; notes: number }>).reduce((a, s) => ({ marks: a.marks + s.marks, notes: a.notes + s.notes }), { marks: 0, notes: 0 });
  expect(said).toEqual({ marks: before.marks, notes: before.notes });
  expect(traces(out)).toMatchObject({ marks: 0, notes: 0 });
  expect(cellsOf(out)).toBe(cellsOf(fixed));
  expect(cellsOf(out)).toBe(cellsOf(submit));
  expect(fs.readFileSync(fixed).equals(original)).toBe(true);
});

test("clearing twice changes nothing more, and says there was nothing", async () => {
  const marked = path.join(dir, "m.xlsx");
  await runCli(["check", "-q", SRC, "--mark", "--out", marked]);
  const once = path.join(dir, "once.xlsx");
  const twice = path.join(dir, "twice.xlsx");
  expect((await runCli(["clear", marked, "-o", once])).code).toBe(0);
  const r = await runCli(["clear", once, "-o", twice]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("没有本程序的标记或批注");
  expect([...partsOf(twice)]).toEqual([...partsOf(once)]);
});

test("a person's own notes stay; only the add-in's go", async () => {
  // A filled copy (the add-in's marks and notes) to which a person added a note of their own.
  const fixed = path.join(dir, "fixed.xlsx");
  await runCli(["check", "-q", SRC, "--fix", "--out", fixed]);
  const zip = await JSZip.loadAsync(fs.readFileSync(fixed));
  const part = Object.keys(zip.files).find((n) => /^xl\/comments/.test(n))!;
  const xml = await zip.file(part)!.async("string");
  await zip.file(part, xml.replace("</commentList>", '<comment ref="B2" authorId="0"><text><r><t>王会计：数据来源为年度统计报表</t></r></text></comment></commentList>'));
  const withPerson = path.join(dir, "person.xlsx");
  fs.writeFileSync(withPerson, await zip.generateAsync({ type: "nodebuffer" }));
  const before = traces(withPerson);
  expect(before.notes).toBeGreaterThan(0);
  const out = path.join(dir, "out.xlsx");
  expect((await runCli(["clear", withPerson, "-o", out])).code).toBe(0);
  const after = traces(out);
  expect(after).toMatchObject({ marks: 0, notes: 0 });
  const refs = (t: string) => [...t.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
  expect(refs(after.comments)).toEqual(["B2"]);
  expect(after.comments).toContain("王会计：数据来源为年度统计报表");
});

test("an .xls's notes, kept in its filled copy, stay when the copy is cleared", async () => {
  const filled = path.join(dir, "with-notes.xlsx");
  await runCli(["check", "-q", path.join(FIXTURES, "other-writers/with-notes.xls"), "--fix", "--out", filled]);
  const out = path.join(dir, "out.xlsx");
  expect((await runCli(["clear", filled, "-o", out])).code).toBe(0);
  expect(traces(out).comments).toContain("数据来源：年度统计报表");
  expect(traces(out).comments).toContain("请复核指标值");
});

test("a folder: its filled and marked copies are cleared, the cleared ones passed over", async () => {
  fs.copyFileSync(SRC, path.join(dir, "表.xlsx"));
  await runCli(["check", "-q", dir, "--mark"]);
  expect(fs.existsSync(path.join(dir, "表.marked.xlsx"))).toBe(true);
  const r = await runCli(["clear", "-q", dir]);
  expect(r.code).toBe(0);
  expect(fs.existsSync(path.join(dir, "表.marked.cleared.xlsx"))).toBe(true);
  expect(fs.existsSync(path.join(dir, "表.cleared.xlsx"))).toBe(true);
  expect(traces(path.join(dir, "表.marked.cleared.xlsx"))).toMatchObject({ marks: 0, notes: 0 });
  // Again: the .cleared copies are not cleared into .cleared.cleared ones; new names are found instead of overwriting.
  const again = await runCli(["clear", "-q", dir]);
  expect(again.out).toContain("本程序之前写出的副本");
  expect(fs.readdirSync(dir).some((n) => n.includes(".cleared.cleared"))).toBe(false);
  // And check passes over the cleared copies too.
  expect((await runCli(["check", "-q", dir, "--json"])).out).not.toContain(".cleared.xlsx\",\n      \"sheets");
});

test("what cannot be cleared is said, with exit 2; the options that do not go with clear are refused", async () => {
  const xls = await runCli(["clear", path.join(FIXTURES, "other-writers/with-notes.xls"), "-o", path.join(dir, "x.xlsx")]);
  expect(xls.code).toBe(2);
  expect(xls.out).toContain("不是 .xlsx 工作簿");
  expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  const missing = await runCli(["clear", path.join(dir, "无.xlsx")]);
  expect(missing.code).toBe(2);
  expect(missing.out).toContain("文件不存在");
  const fix = await runCli(["clear", SRC, "--fix"]);
  expect(fix.code).toBe(2);
  expect(fix.err).toContain("clear 只去掉本程序的标记和批注，不与 --fix 同用");
  const exists = path.join(dir, "exists.xlsx");
  fs.writeFileSync(exists, "x");
  const refused = await runCli(["clear", SRC, "-o", exists]);
  expect(refused.code).toBe(2);
  expect(fs.readFileSync(exists, "utf8")).toBe("x");
});
