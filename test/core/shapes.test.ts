// A large form whose numbers are whole down to its last rows, checked in a fresh process: no object
// made for a row is rebuilt by V8 when a later row holds a fraction, a null or a word where the earlier
// rows held whole numbers (src/core/shapes.ts). V8 says what it rebuilds under --trace-migration;
// a rebuilt row costs about 2 µs per object, and a form of thousands of rows had 85,000.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseRange, toA1 } from "../../src/core/address";
import { analyzeSheet } from "../../src/core/engine";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { anhui2022 } from "../builders/anhui";
import { chongqing } from "../builders/chongqing";
import { hubei } from "../builders/hubei";
import { buildSelfEval, standardIndicators } from "../builders/selfEval";
import { sichuan } from "../builders/sichuan";
import { viaHandMadeXml } from "../generators/writeXlsx";

// SHAPES_DIST: another build's dist (a worktree of an earlier commit), to watch the test fail on it.
const DIST = process.env.SHAPES_DIST ?? path.resolve(__dirname, "../../dist");
const SAMPLES = path.resolve(__dirname, "../fixtures/samples");
/** Indicator rows each stretched form has at least: a rebuild per row would count thousands. */
const ROWS = 1500;
/** What a fresh process rebuilds whatever the form (the zip's entries, the print geometry): 3 to 14 here. */
const AT_MOST = 20;

/** Whole numbers where the form has fractions: 12.5 → 13, "≥12.5(公里)" → "≥12(公里)". */
function whole(v: CellValue): CellValue {
  if (typeof v === "number") return Math.round(v);
  if (typeof v === "string") return v.replace(/(\d+)\.\d+/g, "$1");
  return v;
}

/**
 * The form's indicator table repeated until it has ROWS rows, the copies with whole numbers and no
 * formulas, above the table as it was (its fractions, blanks and words now the late rows).
 */
function stretched(snap: SheetSnapshot): SheetSnapshot | null {
  const rows = analyzeSheet(snap).form?.indicators.map((i) => i.row) ?? [];
  if (rows.length === 0) return null;
  const o = snap.origin.row;
  const first = Math.min(...rows) - o;
  const last = Math.max(...rows) - o;
  const n = last - first + 1;
  const copies = Math.ceil(ROWS / rows.length);
  const grow = copies * n;
  const out: SheetSnapshot = { ...snap, values: [], text: [], numberFormats: [], formulas: [], merges: [] };
  const push = (i: number, copy: boolean) => {
    out.values.push(copy ? snap.values[i].map(whole) : snap.values[i]);
    out.text.push(copy ? snap.text[i].map((t, j) => (typeof snap.values[i][j] === "number" ? String(whole(snap.values[i][j])) : String(whole(t)))) : snap.text[i]);
    out.numberFormats.push(snap.numberFormats[i]);
    out.formulas.push(copy ? snap.formulas[i].map(() => null) : snap.formulas[i]);
  };
  for (let i = 0; i < first; i++) push(i, false);
  for (let k = 0; k < copies; k++) for (let i = first; i <= last; i++) push(i, true);
  for (let i = first; i < snap.values.length; i++) push(i, false);
  for (const m of snap.merges) {
    const b = parseRange(m);
    if (b.bottom - o < first) out.merges.push(m);
    else if (b.top - o >= first) out.merges.push(`${toA1(b.top + grow, b.left)}:${toA1(b.bottom + grow, b.right)}`);
    // One across the table's first row is left out.
  }
  return out;
}

/** The objects V8 rebuilds in a fresh process checking (or filling) the file. */
function rebuilt(file: string, fill: boolean): number {
  const script = `
    const { checkWorkbookBytes } = require(${JSON.stringify(path.join(DIST, "xlsx/checkBytes.js"))});
    const bytes = new Uint8Array(require("node:fs").readFileSync(process.argv[1]));
    checkWorkbookBytes("form.xlsx", bytes, ${fill ? '{ copy: "fill" }' : "{}"}).then((r) => {
      if (!r.result.sheets.some((s) => s.form && s.form.indicators.length >= ${ROWS})) throw new Error("not read as a stretched form");
    });`;
  const out = execFileSync(process.execPath, ["--trace-migration", "-e", script, file], { encoding: "utf8", maxBuffer: 1 << 28 });
  return out.split("\n").filter((l) => l.startsWith("[migrating]")).length;
}

const forms: Array<[string, () => Promise<SheetSnapshot[]>]> = [
  ...["selfeval", "selfeval-defects", "legacy", "targets"].flatMap((dir) =>
    fs
      .readdirSync(path.join(SAMPLES, dir))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f): [string, () => Promise<SheetSnapshot[]>] => [`${dir}/${f}`, async () => readPackageSnapshots(new Uint8Array(fs.readFileSync(path.join(SAMPLES, dir, f))))]),
  ),
  ["the 2020 template (builder)", async () => [buildSelfEval({ indicators: standardIndicators() }).builder.toSnapshot()]],
  ["Chongqing's department form (builder)", async () => [chongqing().toSnapshot()]],
  ["Sichuan (builder)", async () => [sichuan().builder.toSnapshot()]],
  ["Hubei's blocks (builder)", async () => [hubei().builder.toSnapshot()]],
  ["Anhui as published (builder)", async () => [anhui2022().builder.toSnapshot()]],
];

describe("a large form's objects are made settled (V8 rebuilds none of them when a late row differs)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-shapes-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(forms)("%s, stretched", async (name, read) => {
    const snap = (await read()).map(stretched).find((s) => s !== null);
    expect(snap).toBeDefined();
    const file = path.join(dir, `${name.replace(/[^\w.-]+/g, "_")}.xlsx`);
    fs.writeFileSync(file, await viaHandMadeXml(snap!));
    expect(rebuilt(file, false)).toBeLessThanOrEqual(AT_MOST);
    expect(rebuilt(file, true)).toBeLessThanOrEqual(AT_MOST);
  }, 120_000);
});

describe("every evaluation of a form has one shape: the same fields, in the same order", () => {
  // Rules loop over every row's evaluation: objects of one shape keep those loops' property reads to
  // one kind (quantitative and qualitative rows had three shapes, each grown as its family added fields).
  it.each(forms)("%s", async (_name, read) => {
    const results = (await read()).map((s) => analyzeSheet(s)).filter((r) => r.evaluations.length > 0);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(new Set(r.evaluations.map((e) => Object.keys(e).join(",")))).toEqual(new Set([Object.keys(r.evaluations[0]).join(",")]));
  });
});
