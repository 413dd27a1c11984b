import { shownFigures } from "../../src/core/shownFigures";
/**
 * The web checker runs the command's engine and .xlsx adapter: over every sample (and .xls / .ods
 * copies), what its runner (the worker's code, src/web/services/runner.ts) answers is what
 * `jixiao check --json` reports, finding for finding; its filled copy is the command's --fix copy.
 * (test/e2e/web.mjs asserts the same in Chromium, through the page.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/jixiao";
import { crossCheckFiles, crossFindingsBySheet } from "../../src/core/crossCheck";
import { writeCrossPair } from "../builders/crossPair";
import { resolveSettings } from "../../src/core/settings";
import { run } from "../../src/web/services/runner";
import type { FileResult } from "../../src/xlsx/checkBytes";

const SAMPLES = path.join(__dirname, "..", "fixtures", "samples");
const CONVERTED = path.join(__dirname, "..", "fixtures", "converted");

function walk(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : [])).sort();
}

const FILES = [...walk(SAMPLES, /\.xlsx$/), path.join(CONVERTED, "selfeval", "zhengwuyun.xls"), path.join(CONVERTED, "selfeval-defects", "wrong-arithmetic.ods")];

async function command(args: string[]) {
  let out = "";
  await main(["check", ...args, "--json", "--jobs", "1"], { out: { write: (s: string) => (out += s) }, err: { write: () => undefined } });
  return JSON.parse(out) as { files: Array<{ file: string; sheets: Array<{ sheet: string; kind: string; total: { stated: number | null; computed: number | null }; grade: { stated: string | null; computed: string | null }; budget: unknown; findings: Array<{ code: string; severity: string; cell: string; message: string }>; written?: Array<{ cell: string; value: unknown }> }> }> };
}

const blob = (file: string) => new Blob([fs.readFileSync(file)]);
const HINT = "可用 --fix 自动填入（写出副本）。";

test("every sample: the web runner's findings, figures and kinds are the command's", async () => {
  const cli = await command(FILES);
  const page: FileResult[] = [];
  for (const f of FILES) {
    const r = await run({ id: 1, type: "check", name: f, file: blob(f), settings: resolveSettings({}) });
    if (!r.ok) throw new Error(r.error);
    page.push(r.result!);
  }
  // The page cross-checks the files chosen together, as the command does its inputs.
  const checked = crossCheckFiles(page, resolveSettings({}));
  expect(checked.map((f) => f.file)).toEqual(cli.files.map((f) => f.file));
  checked.forEach((f, i) => {
    const c = cli.files[i];
    const mine = f.sheets.map((s) => ({ sheet: s.sheet, kind: s.kind, total: shownFigures(s).total, grade: shownFigures(s).grade, findings: s.findings.map((x) => [x.code, x.severity, x.cell, x.message.zh]) }));
    const theirs = c.sheets.map((s) => ({ sheet: s.sheet, kind: s.kind, total: s.total, grade: s.grade, findings: s.findings.map((x) => [x.code, x.severity, x.cell, x.message.replace(HINT, "")]) }));
    expect({ file: f.file, sheets: mine }).toEqual({ file: c.file, sheets: theirs });
  });
  // Not vacuous: the samples have findings of every severity.
  expect(new Set(checked.flatMap((f) => f.sheets.flatMap((s) => s.findings.map((x) => x.severity))))).toEqual(new Set(["error", "warning", "info"]));
}, 60_000);

/** A package's parts and their bytes (a zip's own timestamps aside). */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out[name] = Buffer.from(await zip.files[name].async("uint8array")).toString("base64");
  return out;
}

test("the filled copy the page downloads is the command's --fix copy, part for part", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-web-"));
  try {
    for (const f of FILES.filter((x) => /blank-scores|missing-reasons|zhengwuyun\.xls$/.test(x))) {
      const out = path.join(dir, `${path.basename(f)}.filled.xlsx`);
      const cli = await command([f, "--fix", "--out", out]);
      const r = await run({ id: 1, type: "fill", name: f, file: blob(f), settings: resolveSettings({}), extraFindings: {} });
      if (!r.ok) throw new Error(r.error);
      expect(r.result!.sheets.map((s) => s.written?.map((w) => w.cell))).toEqual(cli.files[0].sheets.map((s) => s.written?.map((w) => w.cell)));
      expect(await parts(r.bytes!)).toEqual(await parts(fs.readFileSync(out)));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test("the summary workbook the page downloads has the command's sheets", async () => {
  const r = await run({ id: 1, type: "check", name: FILES[0], file: blob(FILES[0]), settings: resolveSettings({}) });
  const s = await run({ id: 2, type: "summary", files: [r.ok ? r.result! : { file: "x", sheets: [] }], madeAt: "2026-12-01T00:00:00Z", version: "test", settings: resolveSettings({ rounding: "half-up" }) });
  if (!s.ok) throw new Error(s.error);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(s.bytes!) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单", "说明"]);
  expect(wb.getWorksheet("说明")!.getCell("A1").value).toBe("生成时间");
  // The options the page checked with are recorded, as the command records its own.
  expect(String(wb.getWorksheet("说明")!.getCell("B4").value)).toContain("取舍方式：四舍五入保留两位小数");
  expect(String(wb.getWorksheet("说明")!.getCell("B6").value)).toContain('"rounding":"half-up"');
});

test("with other rule options the page reports what the command reports with the same options", async () => {
  const file = FILES.find((f) => /shujuyunying\.xlsx$/.test(f))!;
  const cli = await command([file, "--rounding", "half-up", "--reverse", "deviation"]);
  const r = await run({ id: 1, type: "check", name: file, file: blob(file), settings: resolveSettings({ rounding: "half-up", reverseFormula: "deviation" }) });
  if (!r.ok) throw new Error(r.error);
  const cut = await run({ id: 2, type: "check", name: file, file: blob(file), settings: resolveSettings({}) });
  if (!cut.ok) throw new Error(cut.error);
  expect(r.result!.sheets[0].figures?.budget?.score).toBe((cli.files[0].sheets[0].budget as { score: { computed: number } }).score.computed);
  expect(r.result!.sheets[0].findings.map((f) => [f.code, f.cell])).toEqual(cli.files[0].sheets[0].findings.map((f) => [f.code, f.cell]));
  // Not vacuous: the options change the figures (8.11 cut, 8.12 rounded).
  expect(r.result!.sheets[0].figures?.budget?.score).not.toBe(cut.result!.sheets[0].figures?.budget?.score);
});

test("a self-evaluation chosen with its declaration: the page's filled copy marks the differences as the command's does", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-web-cross-"));
  try {
    const { declared, stated } = await writeCrossPair(dir);
    await command([declared, stated, "--fix", "--out", path.join(dir, "cli")]);
    const checked: FileResult[] = [];
    for (const f of [declared, stated]) {
      const r = await run({ id: 1, type: "check", name: f, file: blob(f), settings: resolveSettings({}) });
      if (!r.ok) throw new Error(r.error);
      checked.push(r.result!);
    }
    const crossed = crossCheckFiles(checked, resolveSettings({}));
    const extra = crossFindingsBySheet(crossed[1]);
    expect(Object.values(extra).flat().map((f) => f.code)).toContain("target-changed");
    const r = await run({ id: 2, type: "fill", name: stated, file: blob(stated), settings: resolveSettings({}), extraFindings: extra });
    if (!r.ok) throw new Error(r.error);
    expect(await parts(r.bytes!)).toEqual(await parts(fs.readFileSync(path.join(dir, "cli", "自评表.filled.xlsx"))));
    // Not vacuous: without them the copy differs.
    const plain = await run({ id: 3, type: "fill", name: stated, file: blob(stated), settings: resolveSettings({}), extraFindings: {} });
    if (!plain.ok) throw new Error(plain.error);
    expect(await parts(plain.bytes!)).not.toEqual(await parts(r.bytes!));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
