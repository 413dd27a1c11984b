import { format as ssfFormat } from "ssf";
import { fixedDecimal } from "./decimals";
import { compileSections, showSections, type SectionsFormat } from "./numberSections";

/**
 * The text a spreadsheet shows for a number in a format: SheetJS's SSF renders every section
 * (positive;negative;zero;text), `_x` and `*x`, conditions, colours, scientific, dates and literals;
 * around it, what SSF leaves to the host: Excel's rounding on decimal digits, Chinese numerals
 * ([DBNum1], [DBNum2], [DBNum3]) and locale tags ([$-804]). The few plain formats that make up most
 * cells take a fast path, held equal to SSF by test/core/numberFormat.test.ts.
 */

/** Excel refuses number formats longer than this; a longer one in a file is shown as General. */
const MAX_FORMAT_LENGTH = 255;

const percentFormats = new Map<string, boolean>();

/**
 * Whether a number format shows its value as a percentage (×100): a % outside quoted literals
 * ("%"), escapes (\%) and [bracketed] sections. The one test for every reader of percentages.
 */
export function isPercentFormat(format: unknown): boolean {
  if (typeof format !== "string" || format.length > MAX_FORMAT_LENGTH) return false;
  // Most cells are General, and a sheet uses a handful of formats: the answer is kept per format.
  if (format === "General") return false;
  let known = percentFormats.get(format);
  if (known === undefined) {
    known = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").includes("%");
    if (percentFormats.size >= 4096) percentFormats.clear();
    percentFormats.set(format, known);
  }
  return known;
}

/**
 * Whether a number format shows its value as a date or a time: a date or time letter outside quoted
 * literals, [bracketed] sections, escapes (`\m`) and the characters `_` pads with or `*` repeats.
 * ExcelJS's test kept the last three, so `0.0\m` (12.5 metres) was a date, 1900-01-12. The one test for
 * every reader of dates (the .xlsx reader makes a cell a date by it).
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || format === "General" || format.length > MAX_FORMAT_LENGTH) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = /[ymdhsbYMDHS]/.test(format.replace(/"[^"]*"/g, "").replace(/\\.|[_*]./g, "").replace(/\[[^\]]*]/g, ""));
    if (dateFormats.size >= 4096) dateFormats.clear();
    dateFormats.set(format, known);
  }
  return known;
}

const dateFormats = new Map<string, boolean>();

/** 0.00, #,##0.00, 0%, 0.00%…: one section, no literal. */
const PLAIN = /^(#,##0|0)(?:\.(0{1,15}))?(%?)$/;

function plainFormat(v: number, m: RegExpExecArray): string {
  const decimals = m[2]?.length ?? 0;
  let s = fixedDecimal(Math.abs(m[3] ? v * 100 : v), decimals);
  if (m[1] === "#,##0") {
    const [int, frac] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  // Excel keeps the sign of a negative value that rounds to zero: -0.001 in 0.00 shows -0.00.
  if (v < 0) s = `-${s}`;
  return `${s}${m[3]}`;
}

/**
 * The decimals the section for a positive and for a negative value shows, so that the value SSF
 * rounds is already rounded as Excel rounds it; null where SSF should have the value as it is
 * (conditions, scientific, fractions, thousands scaling, dates).
 */
function shownDecimals(format: string): { pos: number; neg: number } | null {
  if (/\[[<>=]/.test(format)) return null;
  const sections = format.split(";").map((x) => x.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/[_*]./g, ""));
  if (sections.some((x) => /[eE][+-]|\/|[0#?],+(?![0#?])|[yYmMdDhHsSbB]/.test(x))) return null;
  // A text format alone (`@`, `@"元"`): a number in it shows as General (1234.5), not rounded to none.
  if (sections.length === 1 && sections[0].includes("@")) return null;
  const of = (x: string) => (/\.([0#?]+)/.exec(x)?.[1].length ?? 0) + (x.includes("%") ? 2 : 0);
  return { pos: of(sections[0]), neg: of(sections[1] ?? sections[0]) };
}

const DIGITS_1 = "〇一二三四五六七八九";
const DIGITS_2 = "零壹贰叁肆伍陆柒捌玖";
const UNITS_1 = ["", "十", "百", "千"];
const UNITS_2 = ["", "拾", "佰", "仟"];
const BIG_1 = ["", "万", "亿", "兆"];
const BIG_2 = ["", "万", "亿", "兆"];

/** An integer's digits read out: 1005 → 一千〇五 ([DBNum1]) or 壹仟零伍 ([DBNum2]). */
function counting(digits: string, style: 1 | 2): string {
  const d = style === 1 ? DIGITS_1 : DIGITS_2;
  const units = style === 1 ? UNITS_1 : UNITS_2;
  const big = style === 1 ? BIG_1 : BIG_2;
  const n = digits.replace(/^0+(?=\d)/, "");
  if (n === "0") return d[0];
  if (n.length > 16) return [...n].map((c) => d[Number(c)]).join("");
  let out = "";
  let zero = false;
  const groups = Math.ceil(n.length / 4);
  for (let g = 0; g < groups; g++) {
    const end = n.length - (groups - 1 - g) * 4;
    const part = n.slice(Math.max(0, end - 4), end);
    let text = "";
    for (let i = 0; i < part.length; i++) {
      const digit = Number(part[i]);
      const place = part.length - 1 - i;
      if (digit === 0) {
        zero = text !== "" || out !== "";
        continue;
      }
      if (zero) text += d[0];
      zero = false;
      text += d[digit] + units[place];
    }
    if (text !== "") out += text + big[groups - 1 - g];
    else if (out !== "") zero = true;
  }
  return out;
}

/** [DBNum1]/[DBNum2]: whole numbers read out, decimals digit by digit; [DBNum3]: full-width digits. */
function chineseNumerals(text: string, style: 1 | 2 | 3): string {
  if (style === 3) return text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const d = style === 1 ? DIGITS_1 : DIGITS_2;
  return text.replace(/(\d[\d,]*)(?:\.(\d+))?/g, (_, int: string, frac: string | undefined) => {
    const whole = counting(int.replace(/,/g, ""), style);
    return frac === undefined ? whole : `${whole}.${[...frac].map((c) => d[Number(c)]).join("")}`;
  });
}

/** [DBNumN] and locale tags without a currency ([$-804], [$-F800]) that SSF would print as "$". */
const DBNUM = /\[DBNum([123])\]/i;
const LOCALE_ONLY = /\[\$-[0-9A-Fa-f]+\]/g;

/**
 * A format code rewritten where it is bare: quoted text, [brackets] and the character after `\`, `_`
 * and `*` are kept as they are; at every other place `bare` gives the text to put there and how many
 * characters of the code it stands for.
 */
function rewriteBare(format: string, bare: (format: string, i: number) => [string, number]): string {
  let out = "";
  for (let i = 0; i < format.length; ) {
    const ch = format[i];
    if (ch === '"' || ch === "[") {
      const close = format.indexOf(ch === '"' ? '"' : "]", i + 1);
      const end = close < 0 ? format.length : close + 1;
      out += format.slice(i, end);
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      out += format.slice(i, i + 2);
      i += 2;
    } else {
      const [text, n] = bare(format, i);
      out += text;
      i += n;
    }
  }
  return out;
}

/**
 * Characters Excel takes as literals without quotes (the ¥ of zh-CN's 会计专用 format, Chinese text)
 * but SSF refuses: quoted, outside quotes, brackets and escapes.
 */
function quoteLiterals(format: string): string {
  return rewriteBare(format, (f, i) => [/[¥￥€£\u3000-\u9fff\uff00-\uffef]/.test(f[i]) ? `"${f[i]}"` : f[i], 1]);
}

const cache = new Map<string, { plain: RegExpExecArray | null; ssf: string; sections: SectionsFormat | null; dbnum: 1 | 2 | 3 | null; decimals: { pos: number; neg: number } | null }>();

function prepared(format: string) {
  let p = cache.get(format);
  if (!p) {
    const dbnum = DBNUM.exec(format);
    const ssf = quoteLiterals(format.replace(/\[DBNum[123]\]/gi, "").replace(LOCALE_ONLY, ""));
    const ssfFormat = ssf === "" ? "General" : ssf;
    p = { plain: PLAIN.exec(format), ssf: ssfFormat, sections: compileSections(ssfFormat), dbnum: dbnum ? (Number(dbnum[1]) as 1 | 2 | 3) : null, decimals: /^general$/i.test(ssfFormat) ? null : shownDecimals(ssfFormat) };
    // A hostile file may carry thousands of formats: keep the cache bounded.
    if (cache.size > 10_000) cache.clear();
    cache.set(format, p);
  }
  return p;
}

/**
 * General for a number whose shortest text is short (0.67, 98.5, -12.25) and between 0.0001 and 1e10:
 * that text, as SSF's General gives it, without SSF's chain of toFixed, toPrecision and regular
 * expressions (it is every decimal of an ordinary form). test/core/numberFormat.test.ts holds it
 * equal to SSF over generated numbers; anything else returns null and goes to SSF.
 */
function shortGeneral(v: number): string | null {
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e10) return null;
  const s = String(v);
  return s.length <= (v < 0 ? 12 : 11) && !s.includes("e") ? s : null;
}

/**
 * General for a number between about 1e-9 and 1e10 whose shortest text is long (a computed 13.950000000000001,
 * a result stored with seventeen digits), by SSF's own steps (general_fmt_num_base: the same exponent, then
 * toPrecision, or toFixed(12) and toPrecision(10)) without its regular expressions: a file of thousands
 * of such figures spent most of its formatting there. Null where SSF would write an exponent; SSF then
 * formats it. test/core/numberFormat.test.ts holds it equal to SSF over generated numbers.
 */
function generalNumber(v: number): string | null {
  const e = Math.floor(Math.log(Math.abs(v)) * Math.LOG10E);
  if (e >= -4 && e <= -1) return stripDecimal(v.toPrecision(10 + e));
  if (Math.abs(e) > 9) return null;
  const w = v < 0 ? 12 : 11;
  const fixed = stripDecimal(v.toFixed(12));
  if (fixed.length <= w) return fixed;
  const p = v.toPrecision(10);
  return p.length <= w && !p.includes("e") ? stripDecimal(p) : null;
}

/** A decimal text without its trailing zeros, and without its point when nothing follows it (SSF's strip_decimal). */
function stripDecimal(o: string): string {
  if (!o.includes(".")) return o;
  let end = o.length;
  while (o.charCodeAt(end - 1) === 48) end--;
  if (o.charCodeAt(end - 1) === 46) end--;
  return o.slice(0, end);
}

export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const f = format === undefined || format === "" || format.length > MAX_FORMAT_LENGTH || /^general$/i.test(format) ? "General" : format;
  if (f === "General") {
    if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
    const fast = shortGeneral(value) ?? generalNumber(value);
    if (fast !== null) return fast;
  }
  const p = prepared(f);
  if (p.plain) return plainFormat(value, p.plain);
  const sections = p.sections === null ? null : showSections(value, p.sections);
  if (sections !== null) return p.dbnum ? chineseNumerals(sections, p.dbnum) : sections;
  // The section is chosen by the value itself (0.1 in `0;-0;"-"` is the positive section's " 0").
  const d = p.decimals === null ? null : value < 0 ? p.decimals.neg : p.decimals.pos;
  const rounded = d === null ? value : Math.sign(value) * Number(fixedDecimal(Math.abs(value), d));
  const v = rounded === 0 ? value : rounded;
  let text: string;
  try {
    text = ssfFormat(p.ssf, v);
  } catch {
    // A format SSF cannot read: shown as General, as Excel shows a format it does not know.
    text = ssfFormat("General", v);
  }
  // A value SSF's steps take past the largest number (a run of percent signs, a huge value's decimals)
  // comes out as Infinity, grouped too ("In,fin,ity"): what Excel shows for a number it cannot show.
  if (/Infinity|NaN/.test(text.replace(/,/g, ""))) return HASH_MARKS;
  return p.dbnum ? chineseNumerals(text, p.dbnum) : text;
}

/** What Excel shows for a value it cannot display: a date before 1900-01-00 or after 9999-12-31, a number past the largest. */
export const HASH_MARKS = "########";

/** The Windows zh-CN system formats a locale tag stands for: [$-F800] the long date, [$-F400] the time. */
const SYSTEM_DATE = /\[\$-F800\]/i;
const SYSTEM_TIME = /\[\$-F400\]/i;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_ZH = "日一二三四五六";

/** A format's date words as SSF writes them: Excel's zh-CN 上午/下午 as AM/PM, aaaa/aaa (星期日/日) as dddd/ddd. */
function ssfDateWords(format: string): { format: string; ampm: boolean; weekday: "long" | "short" | null } {
  let ampm = false;
  let weekday: "long" | "short" | null = null;
  const out = rewriteBare(format, (f, i) => {
    if (f.startsWith("上午/下午", i)) {
      ampm = true;
      return ["AM/PM", 5];
    }
    // In either case: LibreOffice writes AAAA.
    const four = f.slice(i, i + 4).toLowerCase();
    if (four.startsWith("aaa")) {
      const long = four === "aaaa";
      weekday = long ? "long" : "short";
      return [long ? "dddd" : "ddd", long ? 4 : 3];
    }
    return [f[i], 1];
  });
  return { format: out, ampm, weekday };
}

/**
 * The text a zh-CN Excel shows for a date or time (a serial of the 1900 system) in its format: as
 * formatNumber shows it, with what SSF leaves to the host — the system long date and time ([$-F800],
 * [$-F400]), 上午/下午, the weekday in Chinese (aaaa, aaa) — and ######## for a date Excel cannot show.
 */
export function dateShown(serial: number, format: string): string {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return HASH_MARKS;
  const system = SYSTEM_DATE.test(format) ? 'yyyy"年"m"月"d"日"' : SYSTEM_TIME.test(format) ? "h:mm:ss" : format;
  // [DBNum1] in a date reads its numbers as a Chinese Excel does (its own sample: 二〇〇一年三月十四日).
  const chinese = /\[DBNum1\]/i.test(system);
  const words = ssfDateWords(chinese ? system.replace(/\[DBNum1\]/gi, "") : system);
  let text = formatNumber(serial, words.format);
  if (chinese) text = dateNumerals(text);
  if (words.ampm) text = text.replace(/AM|PM/g, (m) => (m === "AM" ? "上午" : "下午"));
  if (words.weekday) {
    text = text.replace(/Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun|Mon|Tue|Wed|Thu|Fri|Sat/g, (m) => {
      const day = WEEKDAYS_ZH[WEEKDAYS.findIndex((w) => w.startsWith(m))];
      return m.length > 3 ? `星期${day}` : day;
    });
  }
  return text;
}

/** A date's numbers in Chinese as [DBNum1] shows them: a year digit by digit (二〇二三), the others counted without 一 before 十 (十二, 三十一). */
function dateNumerals(text: string): string {
  return text.replace(/\d+/g, (run) => {
    if (run.length === 4) return [...run].map((c) => DIGITS_1[Number(c)]).join("");
    const n = Number(run);
    if (n < 10) return DIGITS_1[n];
    if (n < 100) return (n >= 20 ? DIGITS_1[Math.floor(n / 10)] : "") + "十" + (n % 10 ? DIGITS_1[n % 10] : "");
    return counting(run, 1);
  });
}

/** The text Excel shows for a cell's value (Range.text): numbers by their format, booleans as TRUE/FALSE. */
export function displayText(value: string | number | boolean | null | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, format);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}
