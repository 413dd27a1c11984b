// A date's text is what a zh-CN Excel shows in the cell (the add-in reads it from Excel itself): the
// .xlsx, ExcelJS and .xls readers wrote the ISO date whatever the format, so a draft or message
// quoted 2023-12-31 where the form shows 2023年12月31日. Every reader now shows it as Excel does, in the
// 1900 and the 1904 date systems alike.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { readOtherFormat } from "../../src/xlsx/readSheetJs";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { savedByLibreOffice, soffice } from "./libreoffice";

/** Formats by style index (1…): a declared Chinese date, built-in ids 14 and 31, a date with the weekday, a time with 上午/下午. */
const DECLARED: Array<[number, string | null]> = [
  [176, 'yyyy"年"m"月"d"日"'],
  [14, null],
  [31, null],
  [177, 'yyyy"年"m"月"d"日" aaaa'],
  [178, '上午/下午h"时"mm"分"'],
];
const SHOWN = ["2023年12月31日", "2023/12/31", "2023年12月31日", "2023年12月31日 星期日", "下午6时00分"];
/** 2023-12-31 18:00 in the 1900 system. */
const SERIAL = 45291.75;

async function workbook(date1904: boolean): Promise<Uint8Array> {
  const z = new JSZip();
  z.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
  z.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  z.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  z.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  const fmts = DECLARED.filter(([, code]) => code !== null).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code!.replace(/"/g, "&quot;")}"/>`);
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...DECLARED.map(([id]) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  z.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${fmts.length}">${fmts.join("")}</numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`);
  const serial = date1904 ? SERIAL - 1462 : SERIAL;
  const rows = DECLARED.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>${serial}</v></c></row>`).join("");
  z.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return z.generateAsync({ type: "uint8array" });
}

const viaOther = async (bytes: Uint8Array, bookType: "xls" | "ods"): Promise<SheetSnapshot> => {
  const wb = XLSX.read(bytes, { type: "array", cellNF: true });
  const out = new Uint8Array(XLSX.write(wb, { type: "array", bookType: bookType === "xls" ? "biff8" : "ods" }) as ArrayBuffer);
  return (await readOtherFormat(out, bookType)).snapshots[0];
};

describe.each([false, true])("the 1904 date system: %s", (date1904) => {
  test("the package reader, ExcelJS and an .xls copy show each date as a Chinese Excel does, its value the 1900 system's serial", async () => {
    const bytes = await workbook(date1904);
    const readers: Array<[string, SheetSnapshot]> = [
      ["package", (await readPackageSnapshots(bytes))[0]],
      ["ExcelJS", snapshotOf((await loadWorkbook(bytes)).worksheets[0])],
      [".xls", await viaOther(bytes, "xls")],
    ];
    for (const [reader, s] of readers) {
      const col = 1 - s.origin.col;
      // ExcelJS takes an undeclared locale id (31) for General, and the readers on its path and SheetJS's follow it (its value still the serial).
      const shown = reader !== "package" ? SHOWN.map((t, i) => (DECLARED[i][0] === 31 ? String(s.values[i + 1 - s.origin.row][col]) : t)) : SHOWN;
      expect({ reader, text: DECLARED.map((_, i) => s.text[i + 1 - s.origin.row][col]) }).toEqual({ reader, text: shown });
      expect({ reader, value: s.values[1 - s.origin.row][col] }).toEqual({ reader, value: SERIAL });
    }
  });
});

const lo = soffice();
(lo ? test : test.skip)("saved again by LibreOffice on a Chinese desktop, each date shows as before", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-dates-lo-"));
  const files = [false, true].map((date1904) => path.join(dir, `dates${date1904 ? "1904" : "1900"}.xlsx`));
  for (const [i, f] of files.entries()) fs.writeFileSync(f, await workbook(i === 1));
  for (const saved of savedByLibreOffice(files, { locale: "zh-CN" })) {
    const [s] = await readPackageSnapshots(fs.readFileSync(saved));
    const at = (i: number) => ({ text: s.text[i + 1 - s.origin.row][1 - s.origin.col], format: s.numberFormats[i + 1 - s.origin.row][1 - s.origin.col], value: s.values[i + 1 - s.origin.row][1 - s.origin.col] });
    DECLARED.forEach(([id], i) => {
      const cell = at(i);
      // LibreOffice writes the short date as its own zh_CN one (yyyy-m-d), its weekday as AAAA (read as
      // aaaa), and does not save 上午/下午 at all: that cell comes back General, its serial shown.
      if (id === 14) expect(cell).toMatchObject({ text: "2023-12-31", value: SERIAL });
      else if (id === 178) expect([cell.format, cell.text]).toEqual(["General", String(cell.value)]);
      else expect(cell).toMatchObject({ text: SHOWN[i], value: SERIAL });
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
