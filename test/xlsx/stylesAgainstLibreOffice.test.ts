// How a cell's style gives its number format, in every way styles.xml is written that a reader could
// take otherwise: a style index past the table, negative, not a number or written `1.0`; an xf's
// applyNumberFormat 0 (applied all the same); a format id not a number; a custom format declared twice,
// declared over a built-in id, after cellXfs, or missing; two cellXfs; an element other than xf among
// them. The reader shows each as LibreOffice does (and the percentages the engine reads follow the
// format shown). Held to LibreOffice where it is installed (CI installs it), and to the texts below.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { recalculatedCsvs, soffice } from "./libreoffice";
import { oneSheetBook, PLAIN_STYLE_PARTS } from "./oneSheetBook";

const FONTS = PLAIN_STYLE_PARTS;
const STYLE_XFS = `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`;
const XF0 = `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
const styles = (xfs: string, numFmts = "", styleXfs = STYLE_XFS) => `${numFmts}${FONTS}${styleXfs}<cellXfs>${XF0}${xfs}</cellXfs>`;
const PCT = `<xf numFmtId="10" applyNumberFormat="1"/>`;

const VALUES = [0.95, 1234.5, -3];
const GENERAL = ["0.95", "1234.5", "-3"];
const PERCENT = ["95.00%", "123450.00%", "-300.00%"];

const CASES: Array<{ name: string; styles: string; s: string; shows: string[] }> = [
  { name: "an index past the table", styles: styles(PCT), s: "5", shows: GENERAL },
  { name: "an index", styles: styles(PCT), s: "1", shows: PERCENT },
  { name: "a negative index", styles: styles(PCT), s: "-1", shows: GENERAL },
  { name: "an index not a number", styles: styles(PCT), s: "abc", shows: GENERAL },
  { name: "an index written 1.0", styles: styles(PCT), s: "1.0", shows: PERCENT },
  { name: "an index after a space", styles: styles(PCT), s: " 1", shows: PERCENT },
  { name: "an index written 01", styles: styles(PCT), s: "01", shows: PERCENT },
  { name: "an index written +1", styles: styles(PCT), s: "+1", shows: PERCENT },
  { name: "an empty index", styles: styles(PCT), s: "", shows: GENERAL },
  { name: "applyNumberFormat 0", styles: styles(`<xf numFmtId="10" applyNumberFormat="0"/>`), s: "1", shows: PERCENT },
  { name: "applyNumberFormat false", styles: styles(`<xf numFmtId="10" applyNumberFormat="false"/>`), s: "1", shows: PERCENT },
  { name: "no applyNumberFormat", styles: styles(`<xf numFmtId="10"/>`), s: "1", shows: PERCENT },
  {
    name: "the cell style's format, the cell's xf 0 and not applying its own",
    styles: styles(`<xf numFmtId="0" xfId="1" applyNumberFormat="0"/>`, "", `<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellStyleXfs>`),
    s: "1",
    shows: GENERAL,
  },
  { name: "the cell style's format, the cell's xf naming none", styles: styles(`<xf xfId="1"/>`, "", `<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellStyleXfs>`), s: "1", shows: GENERAL },
  { name: "a format id not a number", styles: styles(`<xf numFmtId="abc" applyNumberFormat="1"/>`), s: "1", shows: GENERAL },
  { name: "an empty format id", styles: styles(`<xf numFmtId="" applyNumberFormat="1"/>`), s: "1", shows: GENERAL },
  { name: "a format id written 10.0", styles: styles(`<xf numFmtId="10.0" applyNumberFormat="1"/>`), s: "1", shows: PERCENT },
  { name: "a format id after a space", styles: styles(`<xf numFmtId=" 10" applyNumberFormat="1"/>`), s: "1", shows: PERCENT },
  { name: "a format id written 010", styles: styles(`<xf numFmtId="010" applyNumberFormat="1"/>`), s: "1", shows: PERCENT },
  {
    name: "a custom format declared twice (the later holds)",
    styles: styles(`<xf numFmtId="170" applyNumberFormat="1"/>`, `<numFmts><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="170" formatCode="0.000"/></numFmts>`),
    s: "1",
    shows: ["0.950", "1234.500", "-3.000"],
  },
  { name: "a built-in id declared otherwise (10)", styles: styles(PCT, `<numFmts><numFmt numFmtId="10" formatCode="0.000"/></numFmts>`), s: "1", shows: ["0.950", "1234.500", "-3.000"] },
  {
    name: "a built-in id declared otherwise (2, as a percentage)",
    styles: styles(`<xf numFmtId="2" applyNumberFormat="1"/>`, `<numFmts><numFmt numFmtId="2" formatCode="0%"/></numFmts>`),
    s: "1",
    shows: ["95%", "123450%", "-300%"],
  },
  { name: "a custom format whose id is not a number", styles: styles(`<xf numFmtId="170" applyNumberFormat="1"/>`, `<numFmts><numFmt numFmtId="abc" formatCode="0%"/></numFmts>`), s: "1", shows: GENERAL },
  { name: "a custom format whose id follows a space", styles: styles(`<xf numFmtId="170" applyNumberFormat="1"/>`, `<numFmts><numFmt numFmtId=" 170" formatCode="0%"/></numFmts>`), s: "1", shows: ["95%", "123450%", "-300%"] },
  { name: "a custom format missing", styles: styles(`<xf numFmtId="170" applyNumberFormat="1"/>`), s: "1", shows: GENERAL },
  { name: "a custom format with an empty code", styles: styles(`<xf numFmtId="170" applyNumberFormat="1"/>`, `<numFmts><numFmt numFmtId="170" formatCode=""/></numFmts>`), s: "1", shows: GENERAL },
  {
    name: "the custom formats after cellXfs",
    styles: `${FONTS}${STYLE_XFS}<cellXfs>${XF0}<xf numFmtId="170" applyNumberFormat="1"/></cellXfs><numFmts><numFmt numFmtId="170" formatCode="0.0%"/></numFmts>`,
    s: "1",
    shows: ["95.0%", "123450.0%", "-300.0%"],
  },
  { name: "two cellXfs, the index within the second only", styles: `${FONTS}${STYLE_XFS}<cellXfs>${XF0}</cellXfs><cellXfs>${XF0}${PCT}</cellXfs>`, s: "1", shows: GENERAL },
  { name: "two cellXfs, the index within both", styles: `${FONTS}${STYLE_XFS}<cellXfs>${XF0}${PCT}</cellXfs><cellXfs>${XF0}<xf numFmtId="2" applyNumberFormat="1"/></cellXfs>`, s: "1", shows: PERCENT },
  { name: "another element among the xfs", styles: styles(`<foo numFmtId="2"/>${PCT}`), s: "1", shows: PERCENT },
  { name: "an id no Excel defines (100)", styles: styles(`<xf numFmtId="100" applyNumberFormat="1"/>`), s: "1", shows: GENERAL },
];

function workbook(c: (typeof CASES)[number]): Promise<Uint8Array> {
  return oneSheetBook({ styles: c.styles, rows: `<row r="1">${VALUES.map((v, j) => `<c r="${"ABC"[j]}1" s="${c.s}"><v>${v}</v></c>`).join("")}</row>` });
}

async function shown(bytes: Uint8Array): Promise<string[]> {
  const [s] = await readPackageSnapshots(bytes);
  return VALUES.map((_, j) => s.text[1 - s.origin.row][j + 1 - s.origin.col]);
}

test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
  expect(await shown(await workbook(c))).toEqual(c.shows);
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice shows every case as the reader does", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-styles-lo-"));
  const files: string[] = [];
  for (const [i, c] of CASES.entries()) {
    const f = path.join(dir, `c${i}.xlsx`);
    fs.writeFileSync(f, await workbook(c));
    files.push(f);
  }
  const csvs = recalculatedCsvs(files, { locale: "zh-CN" });
  for (const [i, c] of CASES.entries()) {
    expect({ case: c.name, shows: csvs[i][0] }).toEqual({ case: c.name, shows: await shown(fs.readFileSync(files[i])) });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 180_000);
