// The built-in number formats whose code depends on the locale (ECMA-376 Part 1 §18.8.30: ids 27–36
// and 50–58): a Chinese Excel or WPS writes 2023年12月31日 as numFmtId 31 without declaring its code.
// ExcelJS leaves those ids General, so such a date was read as the number 45291 (and checked as a
// quantity); they read as a zh-CN Excel shows them and LibreOffice reads them: dates and times.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { formatNumber, isDateFormat } from "../../src/core/numberFormat";
import { readTarget } from "../../src/core/values/readValue";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { recalculatedCsvs, soffice } from "./libreoffice";

/** As a Chinese (zh-CN) Excel shows each id. */
const ZH_CN: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
const IDS = Object.keys(ZH_CN).map(Number);

/** One cell a row, 2023-12-31 12:00 (45291.5), in each built-in id, none of them declared in numFmts. */
async function workbook(): Promise<Uint8Array> {
  const z = new JSZip();
  z.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`);
  z.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  z.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  z.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...IDS.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)].join("");
  z.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${IDS.length + 1}">${xfs}</cellXfs></styleSheet>`);
  const rows = IDS.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>45291.5</v></c></row>`).join("");
  z.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return z.generateAsync({ type: "uint8array" });
}

test("each id reads with its zh-CN format, a date or a time: its value the serial, its text the date; a target so formatted is a date, not a quantity", async () => {
  const [s] = await readPackageSnapshots(await workbook());
  IDS.forEach((id, i) => {
    expect(s.numberFormats[i][0]).toBe(ZH_CN[id]);
    expect(isDateFormat(s.numberFormats[i][0])).toBe(true);
    expect(s.values[i][0]).toBe(45291.5);
    expect(s.text[i][0]).toBe("2023-12-31");
    expect(readTarget({ value: s.values[i][0], text: s.text[i][0], numberFormat: s.numberFormats[i][0] })).toEqual({ kind: "qualitative", text: "2023-12-31" });
  });
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice on a Chinese desktop shows the dates of these ids as their zh-CN formats do", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-builtin-lo-"));
  const file = path.join(dir, "ids.xlsx");
  fs.writeFileSync(file, await workbook());
  const [rows] = recalculatedCsvs([file], { locale: "zh-CN" });
  // The formats as the reader took them (not the table above), shown and set beside LibreOffice's.
  const [s] = await readPackageSnapshots(fs.readFileSync(file));
  IDS.forEach((id, i) => {
    const format = s.numberFormats[i][0];
    // The times' 上午/下午 is Excel's AM/PM marker, which SSF (the formatter here) does not know: dates only.
    if (!/[hs]/.test(format.replace(/"[^"]*"/g, ""))) expect(rows[i][0]).toBe(formatNumber(45291.5, format));
    else expect(rows[i][0]).toMatch(/^(下午)?12时00分(00秒)?$/);
  });
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
