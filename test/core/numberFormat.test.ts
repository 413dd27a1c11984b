// Numbers shown as Excel shows them (issue 20 §6, RULES-3 §18): a table of (format, value, text) with
// the zh-CN formats of finance workbooks, and SheetJS's SSF (the newer one inside @e965/xlsx) as the
// oracle over generated formats and values.
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { format as ssfFormat } from "ssf";
import { fifteenDigitsFixed, fixedDecimal } from "../../src/core/decimals";
import { displayText, formatNumber } from "../../src/core/numberFormat";

const ACCOUNTING_ZH = '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ';
const ACCOUNTING_YUAN = '_ ¥* #,##0.00_ ;_ ¥* \\-#,##0.00_ ;_ ¥* "-"??_ ;_ @_ ';
const NUMERIC_ZH = "#,##0.00;[Red]-#,##0.00";
const NUMERIC_PAREN = "#,##0.00_);[Red]\\(#,##0.00\\)";

const table: Array<[string, number, string]> = [
  // 会计专用 (zh-CN Excel and WPS): padding spaces, the minus inside, zero as a dash
  [ACCOUNTING_ZH, 10, " 10.00 "],
  [ACCOUNTING_ZH, 1234567.891, " 1,234,567.89 "],
  [ACCOUNTING_ZH, -1234.5, " -1,234.50 "],
  [ACCOUNTING_ZH, 0, " -   "],
  [ACCOUNTING_YUAN, 98.5, " ¥98.50 "],
  [ACCOUNTING_YUAN, 0, " ¥-   "],
  // 数值 with a red negative section, and with brackets
  [NUMERIC_ZH, 1234.5, "1,234.50"],
  [NUMERIC_ZH, -1234.5, "-1,234.50"],
  [NUMERIC_PAREN, -1234.5, "(1,234.50)"],
  [NUMERIC_PAREN, 1234.5, "1,234.50 "],
  // percentages and plain decimals, rounded as Excel rounds (on decimal digits)
  ["0.00%", 0.9733, "97.33%"],
  ["0.00%", 0.92045, "92.05%"],
  ["0%", 1, "100%"],
  ["0.00", 1.005, "1.01"],
  ["0.0", 9.85, "9.9"],
  // Excel keeps the minus of a negative that rounds to zero (the "negative zero" of Excel tips)
  ["0.00", -0.001, "-0.00"],
  ["#,##0.00", 24600.36, "24,600.36"],
  // conditions, literals, units
  ['[>=10000]#,##0.0,"万";0.00', 45000, "45.0万"],
  ['[>=10000]#,##0.0,"万";0.00', 1234.5, "1234.50"],
  ['0.00"万元"', 22643.67, "22643.67万元"],
  ['#,##0.00"分"', 9.2, "9.20分"],
  ["0.00E+00", 1234.5, "1.23E+03"],
  ["[Blue]0.00;[Red]-0.00", -3, "-3.00"],
  // Chinese numerals
  ["[DBNum1]0", 1235, "一千二百三十五"],
  ["[DBNum1]0", 1005, "一千〇五"],
  ["[DBNum1]0", 10, "一十"],
  ["[DBNum1][$-804]General", 1234.5, "一千二百三十四.五"],
  ["[DBNum2][$-804]0", 2023, "贰仟零贰拾叁"],
  ["[DBNum1][$-804]0", 120000, "一十二万"],
  ["[DBNum3]0.00", 12.5, "１２.５０"],
  ["[$-804]0.00", 3.14159, "3.14"],
  // a number in a column formatted as text (文本) shows as General, not rounded (was 1235 and 1)
  ["@", 1234.5, "1234.5"],
  ["@", 0.5, "0.5"],
  ['@"元"', 92.04, "92.04"],
  // General
  ["General", 90.2, "90.2"],
  ["General", 1 / 3, "0.333333333"],
  ["General", 123456789012, "1.23457E+11"],
  ["General", 100, "100"],
  ["", 7.5, "7.5"],
];

describe("a table of formats as finance workbooks use them", () => {
  test.each(table)("%s  %d → %j", (format, value, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });


  test("text and booleans", () => {
    expect(displayText("达成", ACCOUNTING_ZH)).toBe("达成");
    expect(displayText(true, "General")).toBe("TRUE");
    expect(displayText(null, "0.00")).toBe("");
  });

  test("an overlong or unreadable format shows General", () => {
    expect(formatNumber(1.5, "0".repeat(300))).toBe("1.5");
    expect(formatNumber(1.5, "[<>]]]0")).toMatch(/1\.5|2/);
  });
});

// What the oracle is asked: formats built from the parts real workbooks use, and values as cells hold
// them (typed decimals). Where a value lies exactly half-way at the digits shown, SSF rounds its binary
// value and Excel its decimal digits (1.005 → 1.01): those ties are the table's, and a property below.
const section = fc
  .tuple(
    fc.constantFrom("", "[Red]", "[Blue]", "[$¥-804]", '"实际"'),
    fc.constantFrom("_ * ", "", "_-* "),
    fc.constantFrom("0", "#,##0", "0.0", "0.00", "#,##0.00", "0.000", "0%", "0.00%", "0.0%", "0.000000"),
    fc.constantFrom("", "_ ", "_)", '"万元"', '"分"', " "),
  )
  .map((p) => p.join(""));
const format = fc.oneof(
  section,
  fc.tuple(section, section).map(([a, b]) => `${a};${b.replace(/^(_ \* |_-\* )?/, "$1\\-")}`),
  fc.tuple(section, section).map(([a, b]) => `${a};${b.replace(/^(_ \* |_-\* )?/, "$1\\-")};_ * "-"??_ `),
);
const value = fc.oneof(
  fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k),
  fc.integer({ min: 0, max: 10000 }).map((n) => n / 10000),
  fc.constant(0),
);

/** The fractional digits of a value as Excel keeps it (fifteen significant digits), trailing zeros dropped. */
function fraction(v: number): string | null {
  const t = Math.abs(v).toPrecision(15);
  if (t.includes("e")) return null;
  return (t.split(".")[1] ?? "").replace(/0+$/, "");
}
/** Whether v lies exactly half-way between two values shown with up to 6 decimals (or as a percent). */
function isTie(v: number): boolean {
  return [v, v * 100].some((x) => {
    const frac = fraction(x);
    return frac === null || (frac.length >= 1 && frac.length <= 7 && frac.endsWith("5"));
  });
}
/** SSF is exact while the digits it prints are at most fifteen; Excel never shows more. */
const withinFifteen = (v: number, f: string) => {
  // Over every section: the one a value shows in may have more decimals than the first.
  const d = Math.max(...f.split(";").map((s) => /\.(0+)/.exec(s)?.[1].length ?? 0));
  return String(Math.floor(Math.abs(f.includes("%") ? v * 100 : v))).length + d <= 15;
};
/** A negative that rounds to zero: SSF drops its minus in some formats; Excel keeps it (the table). */
const negativeZero = (v: number, f: string) => v < 0 && !/[1-9]/.test(formatNumber(-v, f));

test("every generated format and value: the text SSF gives", () => {
  fc.assert(
    fc.property(format, value, (f, v) => {
      fc.pre(!isTie(v) && !negativeZero(v, f) && withinFifteen(v, f));
      expect(formatNumber(v, f)).toBe(XLSX.SSF.format(f, v));
    }),
    { numRuns: 3000 },
  );
});

test("the fast path for plain formats equals SSF", () => {
  const plain = fc.constantFrom("0", "0.0", "0.00", "0.000", "#,##0", "#,##0.00", "0%", "0.00%", "0.0%", "0.000000");
  fc.assert(
    fc.property(plain, value, (f, v) => {
      fc.pre(!isTie(v) && !negativeZero(v, f) && withinFifteen(v, f));
      expect(formatNumber(v, f)).toBe(XLSX.SSF.format(f, v));
    }),
    { numRuns: 5000 },
  );
});

test("ties round half away from zero on the decimal digits, as Excel does", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom("", "#,##0"), (n, d, lead) => {
      // n.5 at d decimals: 12.345 with 0.00 shows 12.35; -12.345 shows -12.35.
      const v = Number(`${n < 0 ? "-" : ""}${Math.abs(n)}5`) / 10 ** (d + 1);
      const f = `${lead || "0"}${d > 0 ? `.${"0".repeat(d)}` : ""}`;
      const up = (Math.abs(n) + 1) / 10 ** d;
      const want = `${n < 0 ? "-" : ""}${up.toFixed(d)}`;
      const got = formatNumber(v, f).replace(/,/g, "");
      expect(got).toBe(want.replace(/^-0(\.0*)?$/, "-0$1"));
    }),
    { numRuns: 2000 },
  );
});

test("fixedDecimal: Excel's fifteen digits, not the binary value", () => {
  expect(fixedDecimal(1.005, 2)).toBe("1.01");
  expect(fixedDecimal(9367367948.2, 6)).toBe("9367367948.200000");
  expect(fixedDecimal(0.000123456, 4)).toBe("0.0001");
  expect(fixedDecimal(999.995, 2)).toBe("1000.00");
  expect(fixedDecimal(1e20, 2)).toBe("100000000000000000000.00");
  expect(fixedDecimal(0, 3)).toBe("0.000");
  expect(fixedDecimal(0.5, 0)).toBe("1");
});

test("fixedDecimal's short path (a value written in fifteen characters or fewer) gives what rounding to fifteen digits gives", () => {
  const values = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 12 })).map(([n, k]) => n / 10 ** k),
    fc.double({ min: 1e-9, max: 1e16, noNaN: true }),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(1.005, 0.1 + 0.2, 999.995, 1e15, 123456789012345, 1234567890123456, 0.000001, 1e-7, 5e-324, 100, 0.5),
  );
  fc.assert(
    fc.property(values, fc.integer({ min: 0, max: 12 }), (v, d) => {
      expect(fixedDecimal(v, d)).toBe(fifteenDigitsFixed(v, d));
    }),
    { numRuns: 5000 },
  );
});

test("General's short path gives SSF's text for every number it takes", () => {
  const ssf = (v: number) => XLSX.SSF.format("General", v);
  const values = fc.oneof(
    fc.tuple(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 14 })).map(([n, k]) => n / 10 ** k),
    fc.double({ min: -1e11, max: 1e11, noNaN: true }),
    fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -6, max: 11 })).map(([m, e]) => m * 10 ** e),
    fc.constantFrom(0.0001, 0.001, 0.01, 0.1, 1e-5, 9999999999.5, 1e10, 0.00011, -0.0001, 123456789.1, 0.1 + 0.2),
  );
  fc.assert(
    fc.property(values, (v) => {
      expect(formatNumber(v, "General")).toBe(ssf(v));
    }),
    { numRuns: 50_000 },
  );
});

test("General for any number: the text SSF gives (computed figures with seventeen digits, near powers of ten, tiny and large)", () => {
  const computed = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.constantFrom(0.9, 0.1, 0.3, 1 / 3, 1.15, 0.07, 100, 0.01, 1e-3, 1e5)).map(([n, k]) => n * k);
  const nearPower = fc.tuple(fc.integer({ min: -10, max: 11 }), fc.integer({ min: -3, max: 3 }), fc.boolean()).map(([p, ulps, neg]) => {
    let x = 10 ** p;
    for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? x + Number.EPSILON * x : x - Number.EPSILON * x;
    return neg ? -x : x;
  });
  const any = fc.oneof(computed, nearPower, fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), fc.integer({ min: 1, max: 1e9 }).map((n) => n / 1e9 / 7));
  fc.assert(
    fc.property(any, fc.constantFrom("General", "general", undefined, ""), (v, f) => {
      expect(formatNumber(v, f)).toBe(ssfFormat("General", v));
    }),
    { numRuns: 20000 },
  );
  expect(formatNumber(13.950000000000001, "General")).toBe("13.95");
  expect(formatNumber(0.30000000000000004, undefined)).toBe("0.3");
  expect(formatNumber(-1234.5678901234, "General")).toBe("-1234.56789");
  expect(formatNumber(0.000123456789012, "General")).toBe("0.000123457");
});
