// Numbers shown in generated finance formats — one to four sections; thousands, decimals shown by 0, #
// and ?; scaling commas; percent; currency tags, colours, quoted and bare Chinese units, escapes and
// padding; conditions — each format over twelve values, set beside what LibreOffice shows on a Chinese
// desktop. Where the two part, it is where Excel and LibreOffice part, and the reader shows Excel's:
// a negative that rounds to zero keeps its minus (-0.00, Excel's "negative zero"); `0.##` shows 12.
// with its point; LibreOffice multiplies by a hundred only outside a currency tag. [DBNum] and a
// negative value under conditions (where the programs' rules for the minus differ) are not compared.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { recalculatedCsvs, soffice } from "./libreoffice";

const int = fc.constantFrom("0", "#,##0", "#,##0", "0", "#", "00", "0,000");
const dec = fc.constantFrom("", ".0", ".00", ".00", ".000", ".0000", ".##", ".0#");
const scale = fc.constantFrom("", "", "", ",", ",,");
const lit = fc.constantFrom("", "", "", '"元"', '"万元"', ' "分"', '"个"', "\\元", "_)", "_ ", '" "', "元");
const pre = fc.constantFrom("", "", "", '"¥"', "¥", "$", "[$¥-804]", "[$-804]", '"约"', "_ ", "_(", "_ * ");
const color = fc.constantFrom("", "", "", "[Red]", "[Blue]", "[Color10]");
const pct = fc.constantFrom("", "", "", "%");
const section = fc.tuple(color, pre, int, dec, scale, pct, lit).map((p) => p.join(""));
// A colour stands first in its section, a locale tag before any literal (elsewhere Excel refuses the
// format, and LibreOffice shows General, or the tag's digits).
const negative = fc.tuple(color, pre, fc.constantFrom("-", "", "\\-", "(", "△"), int, dec, scale, pct, lit).map((p) => p.join(""));
const format = fc.oneof(
  section,
  fc.tuple(section, negative).map(([a, b]) => `${a};${b}`),
  fc.tuple(section, section, fc.constantFrom('"-"', "0", '"—"', "", '_ * "-"??_ ')).map(([a, b, z]) => `${a};${b};${z}`),
  fc.tuple(section, section, fc.constantFrom('"-"', "0"), fc.constantFrom("@", '@"元"', "", "_ @_ ")).map(([a, b, z, t]) => `${a};${b};${z};${t}`),
  fc.tuple(fc.constantFrom("[>=10000]", "[>100]", "[<=1]", "[=0]"), section, section).map(([c, a, b]) => `${c}${a};${b}`),
);
const FORMATS = [...new Set(fc.sample(format, { numRuns: 260, seed: 20261208 }))];
const VALUES = [1234.5, -1234.5, 0, 0.0456, 1234567.891, 92.04, 0.5, 100, -0.004, 12345678, 99.995, 0.125];

async function workbook(): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const z = new JSZip();
  z.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
  z.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  z.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  z.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  const numFmts = FORMATS.map((f, i) => `<numFmt numFmtId="${200 + i}" formatCode="${esc(f)}"/>`).join("");
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...FORMATS.map((_, i) => `<xf numFmtId="${200 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)].join("");
  z.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${FORMATS.length}">${numFmts}</numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${FORMATS.length + 1}">${xfs}</cellXfs></styleSheet>`);
  const col = (j: number) => String.fromCharCode(65 + j);
  const rows = FORMATS.map((_, i) => `<row r="${i + 1}">${VALUES.map((v, j) => `<c r="${col(j)}${i + 1}" s="${i + 1}"><v>${v}</v></c>`).join("")}</row>`).join("");
  z.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return z.generateAsync({ type: "uint8array" });
}

/** A difference where Excel and LibreOffice part, the reader showing Excel's (above). */
function excelsWay(format: string, value: number, ours: string, theirs: string): boolean {
  const noPoint = (t: string) => t.replace(/\.(?![0-9])/g, "");
  if (noPoint(ours) === noPoint(theirs)) return true;
  // Excel's negative zero: the same text with a minus, for a value whose shown digits are all zero.
  if (value < 0 && !/[1-9]/.test(ours) && noPoint(ours).replace("-", "") === noPoint(theirs)) return true;
  // LibreOffice does not multiply by a hundred in a section with a currency tag.
  if (/\[\$[^-\]]+-/.test(format) && format.includes("%")) return true;
  return /^\[[<>=]/.test(format) && value < 0;
}

const lo = soffice();
(lo ? test : test.skip)(
  "each generated format shows each value as LibreOffice shows it, but where Excel shows it otherwise",
  async () => {
    expect(FORMATS.length).toBeGreaterThan(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-formats-lo-"));
    const file = path.join(dir, "formats.xlsx");
    const bytes = await workbook();
    fs.writeFileSync(file, bytes);
    const [rows] = recalculatedCsvs([file], { locale: "zh-CN" });
    const [s] = await readPackageSnapshots(bytes);
    const differ: string[] = [];
    let compared = 0;
    FORMATS.forEach((f, i) =>
      VALUES.forEach((v, j) => {
        const ours = s.text[i + 1 - s.origin.row][j + 1 - s.origin.col];
        const theirs = rows[i][j];
        compared++;
        if (ours !== theirs && !excelsWay(f, v, ours, theirs)) differ.push(`${JSON.stringify(f)} ${v}: ours ${JSON.stringify(ours)}, LibreOffice ${JSON.stringify(theirs)}`);
      }),
    );
    expect(compared).toBe(FORMATS.length * VALUES.length);
    expect(differ).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  120_000,
);
