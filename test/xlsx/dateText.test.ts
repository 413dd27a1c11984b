// A date's text is what a zh-CN Excel shows in the cell (the add-in reads it from Excel itself): the
// .xlsx, ExcelJS and .xls readers wrote the ISO date whatever the format, so a draft or message
// quoted 2023-12-31 where the form shows 2023年12月31日. Every reader now shows it as Excel does, in the
// 1900 and the 1904 date systems alike.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { readOtherFormat } from "../../src/xlsx/readSheetJs";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { savedByLibreOffice, soffice } from "./libreoffice";
import { oneSheetBook, stylesOf } from "./oneSheetBook";

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

function workbook(date1904: boolean): Promise<Uint8Array> {
  const serial = date1904 ? SERIAL - 1462 : SERIAL;
  const rows = DECLARED.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>${serial}</v></c></row>`).join("");
  const codes = DECLARED.filter((d): d is [number, string] => d[1] !== null);
  return oneSheetBook({ styles: stylesOf(DECLARED.map(([id]) => id), codes), rows, workbookPr: date1904 ? '<workbookPr date1904="1"/>' : "" });
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
