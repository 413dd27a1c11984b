// The built-in number formats whose code depends on the locale (ECMA-376 Part 1 §18.8.30): a Chinese
// Excel or WPS writes 2023年12月31日 as numFmtId 31, an amount in 会计专用 as 43 or 44, without declaring
// their codes. ExcelJS leaves those ids General, so such a date was read as the number 45291 (and
// checked as a quantity) and such an amount quoted as 1234.5; they read as a zh-CN Excel shows them
// (and LibreOffice on a Chinese desktop reads them), and a date's text is the date as its format shows it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDateFormat } from "../../src/core/numberFormat";
import { readTarget } from "../../src/core/values/readValue";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { recalculatedCsvs, soffice } from "./libreoffice";
import { oneSheetBook, stylesOf } from "./oneSheetBook";

/** As a Chinese (zh-CN) Excel shows each id of a date or a time, and the text of 2023-12-31 12:00 in it. */
const ZH_CN: Record<number, [string, string]> = {
  14: ["yyyy/m/d", "2023/12/31"],
  22: ["yyyy/m/d h:mm", "2023/12/31 12:00"],
  27: ['yyyy"年"m"月"', "2023年12月"],
  28: ['m"月"d"日"', "12月31日"],
  29: ['m"月"d"日"', "12月31日"],
  30: ["m-d-yy", "12-31-23"],
  31: ['yyyy"年"m"月"d"日"', "2023年12月31日"],
  32: ['h"时"mm"分"', "12时00分"],
  33: ['h"时"mm"分"ss"秒"', "12时00分00秒"],
  34: ['上午/下午h"时"mm"分"', "下午12时00分"],
  35: ['上午/下午h"时"mm"分"ss"秒"', "下午12时00分00秒"],
  36: ['yyyy"年"m"月"', "2023年12月"],
  50: ['yyyy"年"m"月"', "2023年12月"],
  51: ['m"月"d"日"', "12月31日"],
  52: ['yyyy"年"m"月"', "2023年12月"],
  53: ['m"月"d"日"', "12月31日"],
  54: ['m"月"d"日"', "12月31日"],
  55: ['上午/下午h"时"mm"分"', "下午12时00分"],
  56: ['上午/下午h"时"mm"分"ss"秒"', "下午12时00分00秒"],
  57: ['yyyy"年"m"月"', "2023年12月"],
  58: ['m"月"d"日"', "12月31日"],
};
/** The currency and 会计专用 ids, and the text of 1234.5 and of -3 in each. */
const MONEY: Record<number, [string, string, string]> = {
  5: ['"¥"#,##0;"¥"-#,##0', "¥1,235", "¥-3"],
  6: ['"¥"#,##0;[Red]"¥"-#,##0', "¥1,235", "¥-3"],
  7: ['"¥"#,##0.00;"¥"-#,##0.00', "¥1,234.50", "¥-3.00"],
  8: ['"¥"#,##0.00;[Red]"¥"-#,##0.00', "¥1,234.50", "¥-3.00"],
  41: ['_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ', " 1,235 ", " -3 "],
  42: ['_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ', " ¥1,235 ", " ¥-3 "],
  43: ['_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', " 1,234.50 ", " -3.00 "],
  44: ['_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ', " ¥1,234.50 ", " ¥-3.00 "],
};
const IDS = [...Object.keys(ZH_CN), ...Object.keys(MONEY)].map(Number);

/** One row an id, none of them declared in numFmts: 2023-12-31 12:00 (45291.5), 1234.5 and -3 in it. */
function workbook(): Promise<Uint8Array> {
  const rows = IDS.map((_, i) => `<row r="${i + 1}">${["45291.5", "1234.5", "-3"].map((v, j) => `<c r="${"ABC"[j]}${i + 1}" s="${i + 1}"><v>${v}</v></c>`).join("")}</row>`).join("");
  return oneSheetBook({ styles: stylesOf(IDS), rows });
}

test("each date or time id reads with its zh-CN format, its text the date as it shows: a target so formatted is that date, not a quantity", async () => {
  const [s] = await readPackageSnapshots(await workbook());
  IDS.forEach((id, i) => {
    if (!(id in ZH_CN)) return;
    const [format, shown] = ZH_CN[id];
    expect(s.numberFormats[i][0]).toBe(format);
    expect(isDateFormat(format)).toBe(true);
    expect(s.values[i][0]).toBe(45291.5);
    expect(s.text[i][0]).toBe(shown);
    expect(readTarget({ value: s.values[i][0], text: s.text[i][0], numberFormat: s.numberFormats[i][0] })).toEqual({ kind: "qualitative", text: shown });
  });
});

test("each currency and 会计专用 id reads with its zh-CN format: a quantity, its text as the form shows it", async () => {
  const [s] = await readPackageSnapshots(await workbook());
  IDS.forEach((id, i) => {
    if (!(id in MONEY)) return;
    const [format, shown, negative] = MONEY[id];
    expect(s.numberFormats[i][1]).toBe(format);
    expect(isDateFormat(format)).toBe(false);
    expect([s.text[i][1], s.text[i][2]]).toEqual([shown, negative]);
    expect(readTarget({ value: s.values[i][1], text: s.text[i][1], numberFormat: s.numberFormats[i][1] })).toMatchObject({ kind: "quantity", value: 1234.5, text: shown.trim() });
  });
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice on a Chinese desktop shows these ids as the reader does, but for the short date's separator and the yen's width", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-builtin-lo-"));
  const file = path.join(dir, "ids.xlsx");
  fs.writeFileSync(file, await workbook());
  const [rows] = recalculatedCsvs([file], { locale: "zh-CN" });
  // The texts as the reader made them (not the tables above), set beside LibreOffice's. Where they part
  // it is on purpose: LibreOffice's zh_CN short date is 2023-12-31 where a Chinese Excel shows
  // 2023/12/31, and it writes the fullwidth ￥ where Excel's zh-CN formats hold ¥; a negative date
  // LibreOffice shows as a day of 1899, Excel as ########.
  const [s] = await readPackageSnapshots(fs.readFileSync(file));
  const asExcel = (t: string) => t.replace(/￥/g, "¥");
  IDS.forEach((id, i) => {
    (id in ZH_CN ? [0, 1] : [0, 1, 2]).forEach((j) => {
      const ours = id === 14 || id === 22 ? s.text[i][j].replace(/\//g, "-") : s.text[i][j];
      expect(`${id} ${asExcel(rows[i][j])}`).toBe(`${id} ${ours}`);
    });
  });
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
