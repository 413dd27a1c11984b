// A date in a target or actual cell: Excel keeps 2023/12/31 typed into a cell as its serial 45291 in a
// date format. It reads as the date shown — as the same date typed as text reads (qualitative) — never
// as a quantity of 45,291 days, which made an actual a month early "short" of its target: a score
// suggested below the weight and an explanation demanded for finishing early.
import fs from "node:fs";
import path from "node:path";
import { analyzeSheet } from "../../../src/core/engine";
import { HASH_MARKS, dateShown, formatNumber, isDateFormat } from "../../../src/core/numberFormat";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { readActual, readTarget } from "../../../src/core/values/readValue";
import { readPackageSnapshots } from "../../../src/xlsx/readPackage";
import { SAMPLES } from "../../helpers";

test.each([
  ["yyyy/m/d", true],
  ['yyyy"年"m"月"d"日"', true],
  ['yyyy"年"m"月"', true],
  ["m/d/yy", true],
  ["h:mm", true],
  ["[h]:mm:ss", true],
  ["[$-F800]dddd, mmmm dd, yyyy", true],
  ["General", false],
  ["0.00", false],
  ["0.00%", false],
  ['0.00"万元"', false],
  ['#,##0.00"分"', false],
  ["[Red]#,##0.00", false],
  ["@", false],
  ["", false],
  // A letter escaped, padded with or repeated is a literal, not a date part (12.5 metres is no date).
  ["0.0\\m", false],
  ["#,##0.00_m", false],
  ["0.0*h", false],
  ['0.0"h"', false],
  ["yyyy\\-mm", true],
  // Excel takes date letters in either case, and LibreOffice writes them in upper case.
  ['YYYY"年"', true],
  ["DD", true],
  ["HH:MM:SS", true],
  ["YYYY/M/D", true],
  ["0.00E+00", false],
  ["0.00e+00", false],
])("isDateFormat(%j) is %s", (f, date) => expect(isDateFormat(f)).toBe(date));

// A date's text is what a zh-CN Excel shows in the cell, as the add-in reads it from Excel: the .xlsx,
// .xls and ExcelJS readers wrote the ISO date whatever the format (2023-12-31 for 2023年12月31日).
test.each([
  [45291, 'yyyy"年"m"月"d"日"', "2023年12月31日"],
  [45291.5, "yyyy/m/d h:mm", "2023/12/31 12:00"],
  [45291.75, '上午/下午h"时"mm"分"', "下午6时00分"],
  [45291.25, '上午/下午h"时"mm"分"ss"秒"', "上午6时00分00秒"],
  [45291, "[$-F800]dddd, mmmm dd, yyyy", "2023年12月31日"],
  [45291.5, "[$-F400]h:mm:ss AM/PM", "12:00:00"],
  [45291, 'yyyy"年"m"月"d"日" aaaa', "2023年12月31日 星期日"],
  [45292, 'm"月"d"日"（aaa）', "1月1日（一）"],
  // LibreOffice writes the weekday in upper case.
  [45291, 'yyyy\\年m\\月d"日 "AAAA', "2023年12月31日 星期日"],
  [45291, 'yyyy"年"m"月"d"日";@', "2023年12月31日"],
  // The Chinese dates of Excel's own list (its sample 二〇〇一年三月十四日): a year digit by digit, no 一 before 十.
  [45291, '[DBNum1][$-804]yyyy"年"m"月"d"日"', "二〇二三年十二月三十一日"],
  [36964, '[DBNum1][$-804]yyyy"年"m"月"d"日"', "二〇〇一年三月十四日"],
  [36964, '[DBNum1][$-804]m"月"d"日"', "三月十四日"],
  [45230, '[DBNum1][$-804]yyyy"年"m"月"', "二〇二三年十月"],
  [45291, "yyyy-mm-dd", "2023-12-31"],
  // Excel's 1900-02-29, which it counts (serial 60), and day 0.
  [60, "yyyy/m/d", "1900/2/29"],
  [0, "yyyy/m/d", "1900/1/0"],
  // A negative date, or one past 9999-12-31, Excel cannot show.
  [-1, "yyyy/m/d", HASH_MARKS],
  [2_958_466, "yyyy/m/d", HASH_MARKS],
  [Number.NaN, "yyyy/m/d", HASH_MARKS],
])("dateShown(%s, %j) is %j", (serial, format, text) => expect(dateShown(serial, format)).toBe(text));

test("a number under a format with an escaped unit letter reads as the quantity it is, in the reader's text too", () => {
  expect(readTarget({ value: 12.5, text: formatNumber(12.5, "0.0\\m"), numberFormat: "0.0\\m" })).toMatchObject({ kind: "quantity", value: 12.5, text: "12.5m" });
});

test("a date cell reads as the date shown, a qualitative value, as the date typed as text does", () => {
  for (const read of [readTarget, readActual]) {
    expect(read({ value: 45291, text: "2023/12/31", numberFormat: "yyyy/m/d" })).toEqual({ kind: "qualitative", text: "2023/12/31" });
    expect(read({ value: 45291, text: "2023年12月", numberFormat: 'yyyy"年"m"月"' })).toEqual({ kind: "qualitative", text: "2023年12月" });
    expect(read({ value: "2023/12/31", text: "2023/12/31", numberFormat: "@" })).toEqual({ kind: "qualitative", text: "2023/12/31" });
    // A number in a number format is still a quantity.
    expect(read({ value: 10, text: "10.00", numberFormat: "0.00" })).toMatchObject({ kind: "quantity", value: 10 });
  }
});

/** The sample form with row 24 (a 时效指标) given a completion date as target and an earlier one as actual, its score left empty. */
async function withDates(as: "dates" | "texts"): Promise<SheetSnapshot> {
  const [s] = await readPackageSnapshots(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")));
  const set = (col: number, value: SheetSnapshot["values"][number][number], text: string, numberFormat: string) => {
    const i = 24 - s.origin.row;
    const j = col - s.origin.col;
    s.values[i][j] = value;
    s.text[i][j] = text;
    s.numberFormats[i][j] = numberFormat;
  };
  set(3, "项目完成时间", "项目完成时间", "General");
  if (as === "dates") {
    set(4, 45291, "2023/12/31", "yyyy/m/d");
    set(5, 45260, "2023/11/30", "yyyy/m/d");
  } else {
    set(4, "2023/12/31", "2023/12/31", "@");
    set(5, "2023/11/30", "2023/11/30", "@");
  }
  set(7, null, "", "General");
  return s;
}

test("a row whose target and actual are date cells is checked as the same dates typed as text: no quantity, no deduction for finishing early", async () => {
  const dates = analyzeSheet(await withDates("dates"));
  const texts = analyzeSheet(await withDates("texts"));
  const at24 = (r: ReturnType<typeof analyzeSheet>) => r.findings.filter((f) => /\D24$/.test(f.cell)).map((f) => [f.code, f.cell, f.message.zh]);
  expect(at24(dates)).toEqual(at24(texts));
  expect(at24(dates).map(([code]) => code)).not.toContain("missing-explanation");
  const ind = dates.form!.indicators.find((i) => i.row === 24)!;
  expect(ind.target).toEqual({ kind: "qualitative", text: "2023/12/31" });
  expect(ind.actual).toEqual({ kind: "qualitative", text: "2023/11/30" });
});
