// The summary workbook on paper (issue 19 §3): A4 landscape, one page wide, the header row on every
// page, the page number at the foot. Printed to PDF by LibreOffice and the pages looked at: their size,
// and that every column's header is on every page of 汇总 (no column cut off onto a page of its own).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../cli/run";
import { SAMPLES } from "../helpers";
import { soffice } from "./libreoffice";
import { pdfPages, type PdfPage } from "../pdf/pdfText.cjs";

const lo = soffice();
const maybe = lo ? test : test.skip;
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-print-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function printed(xlsx: string): PdfPage[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lo-"));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-pdf-"));
  execFileSync(lo!, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsx], { stdio: "pipe", timeout: 120_000 });
  return pdfPages(fs.readFileSync(path.join(outDir, path.basename(xlsx).replace(/\.xlsx$/, ".pdf"))));
}

const flat = (s: string) => s.replace(/\s+/g, "");
const A4 = { long: 841.89, short: 595.3 };
const landscape = (p: PdfPage) => Math.abs(p.width - A4.long) < 1 && Math.abs(p.height - A4.short) < 1;

async function headersOf(xlsx: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  return (wb.getWorksheet(sheet)!.getRow(1).values as unknown[]).filter((v): v is string => typeof v === "string");
}

maybe("17 forms: 汇总 on one A4 landscape page with every column; 问题清单 landscape; 说明 portrait", async () => {
  const xlsx = path.join(dir, "small.xlsx");
  await runCli(["check", "-q", SAMPLES, "--summary", xlsx]);
  const pages = printed(xlsx);
  const summary = pages.filter((p) => p.text.includes("绩效表检查汇总"));
  expect(summary).toHaveLength(1);
  const list = pages.filter((p) => flat(p.text).includes("问题清单") && flat(p.text).includes("严重程度"));
  expect(list.length).toBeGreaterThan(0);
  for (const p of [...summary, ...list]) expect(landscape(p)).toBe(true);
  const about = pages.filter((p) => flat(p.text).includes("生成时间"));
  expect(about).toHaveLength(1);
  expect(Math.abs(about[0].width - A4.short)).toBeLessThan(1);
  for (const h of await headersOf(xlsx, "汇总")) expect(flat(summary[0].text)).toContain(flat(h));
  for (const h of await headersOf(xlsx, "问题清单")) for (const p of list) expect(flat(p.text)).toContain(flat(h));
  expect(flat(summary[0].text)).toMatch(/第1页，共\d+页/);

  // The same workbook without the page setup prints its columns over several pages: what the check above rules out.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  for (const ws of wb.worksheets) ws.pageSetup = { ...ws.pageSetup, fitToPage: false, orientation: "portrait", paperSize: 9, scale: 100 };
  const bare = path.join(dir, "bare.xlsx");
  await wb.xlsx.writeFile(bare);
  const barePages = printed(bare).filter((p) => p.text.includes("绩效表检查汇总"));
  expect(barePages.length).toBeGreaterThan(1);
  expect(barePages.some((p) => !(flat(p.text).includes("结论") && flat(p.text).includes("文件")))).toBe(true);
}, 180_000);

maybe("a batch of 170 forms: 汇总 runs over pages, each with the header row and every column", async () => {
  const many = path.join(dir, "many");
  for (let i = 0; i < 10; i++) fs.cpSync(SAMPLES, path.join(many, `批${i}`), { recursive: true });
  const xlsx = path.join(dir, "big.xlsx");
  await runCli(["check", "-q", many, "--summary", xlsx]);
  const summary = printed(xlsx).filter((p) => p.text.includes("绩效表检查汇总"));
  expect(summary.length).toBeGreaterThan(1);
  const headers = await headersOf(xlsx, "汇总");
  for (const p of summary) {
    expect(landscape(p)).toBe(true);
    for (const h of headers) expect(flat(p.text)).toContain(flat(h));
  }
}, 240_000);
