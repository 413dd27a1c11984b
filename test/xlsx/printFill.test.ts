// Drafted reasons print whole (issue 19 §4): the fill's drafts wrap within their cells, and a row whose
// height no one fixed grows to hold its draft; a fixed row keeps its height, and the print check says
// the text is cut. Read back by our reader and printed to PDF by LibreOffice.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/xlsx/checkWorkbook";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { SheetGeometry } from "../../src/core/print/geometry";
import { DRAFT_MARKER } from "../../src/core/scoring/evaluation";
import { SAMPLES } from "../helpers";
import { soffice } from "./libreoffice";
import { pdfPages } from "../pdf/pdfText.cjs";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-printfill-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SRC = path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx");

/** The sample with no row height fixed (as a form whose rows Excel fits to their text), and no cell wrapping. */
async function unfixed(): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SRC));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  await zip.file("xl/worksheets/sheet1.xml", sheet.replace(/\s(ht|customHeight)="[^"]*"/g, ""));
  const styles = await zip.file("xl/styles.xml")!.async("string");
  await zip.file("xl/styles.xml", styles.replace(/\swrapText="1"/g, ""));
  const file = path.join(dir, "unfixed.xlsx");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

test("a draft in a row no one fixed: wrapped, its row grown to hold it, read back as planned, no text cut", async () => {
  const input = await unfixed();
  const out = path.join(dir, "filled.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  const drafts = r.sheets[0].written!.filter((w) => w.purpose === "draft");
  expect(drafts.length).toBeGreaterThan(0);
  const [before] = await readPackageSnapshots(new Uint8Array(fs.readFileSync(input)));
  const [after] = await readPackageSnapshots(new Uint8Array(fs.readFileSync(out)));
  const g0 = new SheetGeometry(before.layout!);
  const g = new SheetGeometry(after.layout!);
  for (const d of drafts) {
    expect(after.layout!.wrapped).toContain(d.cell);
    const row = Number(/\d+$/.exec(d.cell)![0]);
    expect(g.rowHeight(row)).toBeGreaterThan(g0.rowHeight(row));
    expect(g.rowFixed(row)).toBe(false);
  }
  // What the fill planned is what the copy holds: the copy's check is the same.
  const again = await checkWorkbook(out);
  expect(again.sheets[0].findings.map((f) => `${f.code}@${f.cell}`)).toEqual(r.sheets[0].findings.map((f) => `${f.code}@${f.cell}`));
  const cut = again.sheets[0].findings.filter((f) => f.code === "print-text-cut").map((f) => f.cell);
  for (const d of drafts) expect(cut).not.toContain(d.cell);
  expect(again.sheets[0].findings.filter((f) => f.code === "print-draft-left").map((f) => f.cell).sort()).toEqual(drafts.map((d) => d.cell).sort());
  // Filling the copy again grows nothing more.
  const twice = path.join(dir, "twice.xlsx");
  await checkWorkbook(out, { fixOut: twice });
  const [third] = await readPackageSnapshots(new Uint8Array(fs.readFileSync(twice)));
  expect(third.layout!.rows).toEqual(after.layout!.rows);
});

test("a draft in a row whose height a person fixed: the height is kept and the print check says the text is cut", async () => {
  const out = path.join(dir, "filled.xlsx");
  const r = await checkWorkbook(SRC, { fixOut: out });
  const drafts = r.sheets[0].written!.filter((w) => w.purpose === "draft").map((w) => w.cell);
  const [before] = await readPackageSnapshots(new Uint8Array(fs.readFileSync(SRC)));
  const [after] = await readPackageSnapshots(new Uint8Array(fs.readFileSync(out)));
  expect(after.layout!.rows).toEqual(before.layout!.rows);
  const cut = (await checkWorkbook(out)).sheets[0].findings.filter((f) => f.code === "print-text-cut").map((f) => f.cell);
  for (const d of drafts) expect(cut).toContain(d);
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice prints the drafts whole", async () => {
  const input = await unfixed();
  const out = path.join(dir, "filled.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  const drafts = r.sheets[0].written!.filter((w) => w.purpose === "draft").map((w) => String(w.value));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lo-"));
  execFileSync(lo!, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, out], { stdio: "pipe", timeout: 120_000 });
  const text = pdfPages(fs.readFileSync(path.join(dir, "filled.pdf"))).map((p) => p.text).join("").replace(/\s+/g, "");
  for (const d of drafts) {
    expect(d).toContain(DRAFT_MARKER);
    expect(text).toContain(d.replace(/\s+/g, ""));
  }
}, 120_000);
