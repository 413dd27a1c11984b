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
import { formatNumber } from "../../src/core/numberFormat";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { recalculatedCsvs, soffice } from "./libreoffice";
import { oneSheetBook, stylesOf } from "./oneSheetBook";

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

function workbook(): Promise<Uint8Array> {
  const col = (j: number) => String.fromCharCode(65 + j);
  const rows = FORMATS.map((_, i) => `<row r="${i + 1}">${VALUES.map((v, j) => `<c r="${col(j)}${i + 1}" s="${i + 1}"><v>${v}</v></c>`).join("")}</row>`).join("");
  const ids = FORMATS.map((_, i) => 200 + i);
  return oneSheetBook({ styles: stylesOf(ids, FORMATS.map((f, i) => [ids[i], f])), rows });
}

/** A difference where Excel and LibreOffice part, the reader showing Excel's (above). */
function excelsWay(format: string, value: number, ours: string, theirs: string): boolean {
  if (/^\[[<>=]/.test(format) && value < 0) return true;
  const noPoint = (t: string) => t.replace(/\.(?![0-9])/g, "");
  // LibreOffice does not multiply by a hundred in a section with a currency tag: it shows what the
  // format shows with its percent signs as mere characters.
  const shown = /\[\$[^-\]]+-/.test(format) && format.includes("%") ? [ours, formatNumber(value, format.replace(/%/g, "\\%"))] : [ours];
  return shown.some(
    (t) =>
      noPoint(t) === noPoint(theirs) ||
      // Excel's negative zero: the same text with a minus, for a value whose shown digits are all zero.
      (value < 0 && !/[1-9]/.test(t) && noPoint(t).replace("-", "") === noPoint(theirs)),
  );
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
