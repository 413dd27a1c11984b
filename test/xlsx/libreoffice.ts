import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** LibreOffice, an independent spreadsheet program, when installed (CI installs it from Debian). */
export function soffice(): string | null {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const bin = r.stdout.trim();
  return bin === "" ? null : bin;
}

/** A profile that recalculates every formula when a file is loaded (OOXMLRecalcMode 0 = always); in `locale` when given (zh-CN: as a Chinese desktop shows numbers and dates). */
function profileDir(locale?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lo-"));
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
${locale ? `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>` : ""}
</oor:items>`,
  );
  return dir;
}

/** The first sheet as LibreOffice computes it after recalculation, as rows of CSV cells. */
export function recalculatedCsv(xlsx: string): string[][] {
  return recalculatedCsvs([xlsx])[0];
}

/**
 * Several workbooks converted by one LibreOffice process (each start costs seconds). `asShown: false`
 * gives the cells' values rather than their formatted text (CSV filter token 9).
 */
export function recalculatedCsvs(files: string[], opts: { asShown?: boolean; locale?: string } = {}): string[][][] {
  const filter = opts.asShown === false ? "44,34,76,1,,0,false,true,false" : "44,34,76,1";
  const bin = soffice();
  if (!bin) throw new Error("LibreOffice (soffice) is not installed");
  // With no file named, soffice waits for a window that never opens.
  if (files.length === 0) throw new Error("no files to convert");
  const profile = profileDir(opts.locale);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-csv-"));
  execFileSync(
    bin,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", `csv:Text - txt - csv (StarCalc):${filter}`, "--outdir", outDir, ...files],
    { stdio: "pipe", timeout: 60_000 + 15_000 * files.length },
  );
  return files.map((f) => parseCsv(fs.readFileSync(path.join(outDir, path.basename(f).replace(/\.[^.]+$/, ".csv")), "utf8")));
}

/** Workbooks opened and saved again as .xlsx by one LibreOffice process (in `locale` when given): the paths of the copies, in the order given. */
export function savedByLibreOffice(files: string[], opts: { locale?: string } = {}): string[] {
  const bin = soffice();
  if (!bin) throw new Error("LibreOffice (soffice) is not installed");
  if (files.length === 0) throw new Error("no files to convert");
  const profile = profileDir(opts.locale);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-resaved-"));
  execFileSync(bin, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...files], { stdio: "pipe", timeout: 60_000 + 15_000 * files.length });
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, ".xlsx")));
}

function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function csvCell(rows: string[][], a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return rows[Number(m[2]) - 1]?.[col - 1] ?? "";
}
