import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyzeSheet } from "../../src/core/engine";
import { isOwnFormula, NOTE_PREFIX } from "../../src/core/plan";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { checkWorkbook } from "../../src/xlsx/checkWorkbook";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { buildSelfEval, standardIndicators } from "../builders/selfEval";
import { SAMPLES } from "../helpers";
import expected from "../fixtures/samples/expected.json";
import { csvCell, recalculatedCsv, soffice } from "./libreoffice";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-fill-"));
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function sheetState(file: string) {
  const wb = await loadWorkbook(fs.readFileSync(file));
  return wb.worksheets.map((ws) => {
    const cf = ((ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings ?? []).map((c) => ({
      ref: c.ref,
      formulae: c.rules.map((r) => r.formulae),
    }));
    const notes: Record<string, string> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const n = cell.note as unknown;
        if (n) notes[cell.address] = typeof n === "string" ? n : JSON.stringify(n);
      }),
    );
    return { snapshot: snapshotOf(ws), cf, notes };
  });
}

describe.each(expected.map((e) => e.file))("filling %s", (file) => {
  test("writes a copy that reads back clean; filling it again changes nothing; input untouched", async () => {
    const dir = tmp();
    const input = path.join(SAMPLES, file);
    const hash = sha(input);
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const r1 = await checkWorkbook(input, { fixOut: first });
    expect(sha(input)).toBe(hash);
    // The copy opens in ExcelJS and reads as the engine said it would.
    const reread = await checkWorkbook(first);
    expect(reread.sheets.map((s) => [s.kind, s.figures?.total ?? null, s.findings.map((f) => f.code + f.cell)])).toEqual(
      r1.sheets.map((s) => [s.kind, s.figures?.total ?? null, s.findings.map((f) => f.code + f.cell)]),
    );
    expect(reread.sheets.flatMap((s) => s.findings).filter((f) => f.code === "missing-score")).toEqual([]);
    // Filling the filled copy writes nothing and leaves the same cells, marks and notes.
    const r2 = await checkWorkbook(first, { fixOut: second });
    expect(r2.sheets.flatMap((s) => s.written ?? [])).toEqual([]);
    expect(await sheetState(second)).toEqual(await sheetState(first));
  });
});

test("marks: a conditional format on each missing reason that clears once a reason is typed, and a note", async () => {
  const dir = tmp();
  const out = path.join(dir, "marked.xlsx");
  await checkWorkbook(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"), { fixOut: out });
  const wb = await loadWorkbook(fs.readFileSync(out));
  const ws = wb.worksheets[0];
  const cfs = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[] }> }> }).conditionalFormattings;
  const own = cfs.filter((c) => c.rules.some((r) => r.formulae.some(isOwnFormula)));
  expect(own.map((c) => c.ref)).toEqual(expect.arrayContaining(["H25", "H31"]));
  const h25 = own.find((c) => c.ref === "H25")!.rules[0].formulae[0];
  expect(h25).toContain("LEN(TRIM(H25))=0");
  expect(h25).toContain('SEARCH("【待补充原因】",H25)');
  // The draft went into the empty reason cells; the note explains what is missing.
  expect(String(ws.getCell("H25").value)).toMatch(/^【待补充原因】目标 ≤1\.00\(小时\)，实际 1\.06\(小时\)/);
  expect(JSON.stringify(ws.getCell("H25").note)).toContain(NOTE_PREFIX.zh);
  // A person types the cause: the engine stops flagging the row.
  ws.getCell("H25").value = "新上线服务的处理机制尚在完善。";
  const r = analyzeSheet(snapshotOf(ws));
  expect(r.findings.filter((f) => f.code === "missing-explanation").map((f) => f.cell)).toEqual(["H31"]);
});

test("never writes over a typed value or a formula", async () => {
  const inds = standardIndicators();
  inds[0].score = null;
  inds[1].score = null;
  const built = buildSelfEval({ indicators: inds, total: null, grade: "良" });
  const b = built.builder;
  b.set(built.firstRow + 1, built.col.score, 20, { format: "0.00", formula: "=F" + (built.firstRow + 1) });
  const dir = tmp();
  const input = path.join(dir, "in.xlsx");
  fs.writeFileSync(input, await b.toBuffer());
  const out = path.join(dir, "out.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  const written = r.sheets[0].written!.map((w) => w.cell);
  expect(written).toContain(built.cell(0, "score"));
  expect(written).not.toContain(built.cell(1, "score"));
  expect(written).not.toContain(built.gradeCell);
  const ws = (await loadWorkbook(fs.readFileSync(out))).worksheets[0];
  expect(ws.getCell(built.cell(1, "score")).formula).toBe("F" + (built.firstRow + 1));
  expect(ws.getCell(built.gradeCell).value).toBe("良");
});

const lo = soffice();
const needLo = lo || process.env.CI === "true" ? test : test.skip;

needLo("LibreOffice recalculates the filled copy to the same totals", async () => {
  // A form whose total is a formula over blank scores: only after filling does it add up.
  const inds = standardIndicators();
  inds[0] = { ...inds[0], actual: "20.00(项)", score: null, reason: "部分事项顺延至次年。" };
  inds[3] = { ...inds[3], actual: "部分达成指标并具有一定效果", score: null };
  const built = buildSelfEval({ indicators: inds, total: 0, totalFormula: true, grade: null });
  const dir = tmp();
  const input = path.join(dir, "formula-total.xlsx");
  fs.writeFileSync(input, await built.builder.toBuffer());
  const out = path.join(dir, "formula-total.filled.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  const total = r.sheets[0].figures!.total!;
  // 9.85 budget + 16 (20 × 20/25) + 20 + 10 + 16 (80% of 20) + 10 + 10
  expect(total).toBeCloseTo(91.85, 10);
  const csv = recalculatedCsv(out);
  expect(Number(csvCell(csv, built.totalCell))).toBeCloseTo(total, 10);
  expect(Number(csvCell(csv, built.cell(0, "score")))).toBe(16);
  // The samples' filled copies show the same totals in LibreOffice as in the engine.
  for (const file of ["selfeval-defects/blank-scores.xlsx", "selfeval/yanjiufalv.xlsx", "legacy/xuqiuce.xlsx"]) {
    const copy = path.join(dir, path.basename(file));
    const res = await checkWorkbook(path.join(SAMPLES, file), { fixOut: copy });
    const s = res.sheets[0];
    const cell = s.form!.total!.score!.address;
    expect(Number(csvCell(recalculatedCsv(copy), cell))).toBeCloseTo(s.figures!.total!, 10);
  }
}, 240_000);

test("a sheet protected in the workbook is reported but never written", async () => {
  const inds = standardIndicators();
  inds[0].score = null;
  const built = buildSelfEval({ indicators: inds });
  const wb = new ExcelJS.Workbook();
  const ws = built.builder.addTo(wb);
  await ws.protect("", {});
  const dir = tmp();
  const input = path.join(dir, "protected.xlsx");
  fs.writeFileSync(input, Buffer.from(await wb.xlsx.writeBuffer()));
  const out = path.join(dir, "protected.filled.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  expect(r.sheets[0].written).toEqual([]);
  const again = (await loadWorkbook(fs.readFileSync(out))).worksheets[0];
  expect(again.getCell(built.cell(0, "score")).value).toBeNull();
});

test("a total written as a formula is left to recalculate, not reported as wrong after filling", async () => {
  const inds = standardIndicators();
  inds[2] = { ...inds[2], score: null };
  const built = buildSelfEval({ indicators: inds, total: 89.85, totalFormula: true, grade: "优" });
  const dir = tmp();
  const input = path.join(dir, "in.xlsx");
  fs.writeFileSync(input, await built.builder.toBuffer());
  const before = await checkWorkbook(input);
  expect(before.sheets[0].findings.map((f) => f.code)).toContain("total-mismatch");
  const out = path.join(dir, "out.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  expect(r.sheets[0].findings.filter((f) => f.severity === "error")).toEqual([]);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  const wb = await loadWorkbook(fs.readFileSync(out));
  expect(wb.worksheets[0].getCell(built.totalCell).formula).toBeDefined();
});

describe("the copy changes only what it fills (hostile cases)", () => {
  test("writing a score gives that cell a style of its own: cells that shared its style keep their format", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-style-"));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx"));
      const ws = wb.worksheets[0];
      // One shared style with a custom format on the blank score G13 and on typed scores.
      const shared = { ...ws.getCell("G17").style, numFmt: '0.0"分"' };
      for (const a of ["G13", "G17", "G18", "G19"]) ws.getCell(a).style = shared;
      const file = path.join(dir, "shared.xlsx");
      await wb.xlsx.writeFile(file);
      const out = path.join(dir, "copy.xlsx");
      await checkWorkbook(file, { fixOut: out });
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      const c = copy.worksheets[0];
      expect(c.getCell("G13").numFmt).toBe("0.00");
      for (const a of ["G17", "G18", "G19"]) expect(c.getCell(a).numFmt).toBe('0.0"分"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a reason cell under a merge that spans other columns is not written (no draft lands in the anchor)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-merge-"));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"));
      const ws = wb.worksheets[0];
      ws.getCell("G25").value = null;
      ws.mergeCells("G24:H25");
      const file = path.join(dir, "merged.xlsx");
      await wb.xlsx.writeFile(file);
      const before = new ExcelJS.Workbook();
      await before.xlsx.readFile(file);
      const anchor = before.worksheets[0].getCell("G24").value;
      const out = path.join(dir, "copy.xlsx");
      const r = await checkWorkbook(file, { fixOut: out });
      expect((r.sheets[0].written ?? []).map((w) => w.cell)).not.toContain("H25");
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      expect(copy.worksheets[0].getCell("G24").value).toEqual(anchor);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a blank score inside another cell's array formula is not written: the report leaves it out and reads the sheet as the copy has it", async () => {
    const input = fs.readFileSync(path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx"));
    const plain = await checkWorkbookBytes("x.xlsx", new Uint8Array(input), { copy: "fill" });
    const planned = (plain.result.sheets[0].written ?? []).map((w) => w.cell);
    expect(planned).toContain("G13");
    // Z13 holds an array formula over G13:Z13 (with no result stored in G13): G13 is that formula's.
    const zip = await JSZip.loadAsync(input);
    const part = Object.keys(zip.files).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
    const xml = (await zip.file(part)!.async("string")).replace(/(<row[^>]* r="13"[^>]*>.*?)<\/row>/, '$1<c r="Z13"><f t="array" ref="G13:Z13">1</f><v>1</v></c></row>');
    zip.file(part, xml);
    const r = await checkWorkbookBytes("x.xlsx", new Uint8Array(await zip.generateAsync({ type: "nodebuffer" })), { copy: "fill" });
    const written = (r.result.sheets[0].written ?? []).map((w) => w.cell);
    expect(written).toEqual(planned.filter((c) => c !== "G13"));
    expect(r.result.sheets[0].findings.some((f) => f.code === "missing-score" && f.cell === "G13")).toBe(true);
  });

  test("a reason cell holding only a tab is the person's: kept, and still reported as missing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-tab-"));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"));
      wb.worksheets[0].getCell("H25").value = "\t";
      const file = path.join(dir, "tab.xlsx");
      await wb.xlsx.writeFile(file);
      const out = path.join(dir, "copy.xlsx");
      const r = await checkWorkbook(file, { fixOut: out });
      expect((r.sheets[0].written ?? []).map((w) => w.cell)).not.toContain("H25");
      expect(r.sheets[0].findings.some((f) => f.code === "missing-explanation" && f.cell === "H25")).toBe(true);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      expect(copy.worksheets[0].getCell("H25").value).toBe("\t");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
