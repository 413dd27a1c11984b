// Digit sections as Excel shows them, where SheetJS's SSF (the formatter otherwise used) refuses the
// format — and the text fell back to General — or shows it otherwise than Excel. Each row says why.
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { formatNumber } from "../../src/core/numberFormat";
import { formatSections } from "../../src/core/numberSections";

const ACCOUNTING = '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ';

test.each([
  // Up to two decimals with thousands: SSF refuses it (General 1234.5); the point stays when no decimal shows, as in Excel.
  ["#,##0.##", 1234.5, "1,234.5"],
  ["#,##0.##", 12, "12."],
  ["#,##0.##\"元\"", 1234.56, "1,234.56元"],
  ['"约"#,##0.##"元"', 0.5, "约0.5元"],
  // Padding zeros in the integer part: SSF drops them (0.50); thousands over the padded digits (SSF refuses 0,000).
  ["00.00", 0.5, "00.50"],
  ["0,000.00", 12, "0,012.00"],
  // A small negative in one section keeps its minus and its digit (SSF wrote -¥).
  ['"¥"0', -0.004, "-¥0"],
  ["0.0", -0.04, "-0.0"],
  // Each comma after the last digit place divides by a thousand, rounded on the decimal digits (SSF 1.234元).
  ['#,##0.000,"元"', 1234.5, "1.235元"],
  ["#,##0.##,", 1234.5, "1.23"],
  ['#,##0,"千元"', 1234567, "1,235千元"],
  ["0.0,,", 1234567, "1.2"],
  // 会计专用: the zero section's dash and its two spaces; the negative section's own minus.
  [ACCOUNTING, 0, " -   "],
  [ACCOUNTING, -1234.5, " -1,234.50 "],
  [ACCOUNTING, 1234.5, " 1,234.50 "],
  ["#,##0.00_);[Red]\\(#,##0.00\\)", -1234.5, "(1,234.50)"],
  // An empty zero section shows nothing; a last section holding @ is text, not a number's.
  ["0.00;-0.00;;@", 0, ""],
  ["#,##0.##;@", 1234.5, "1,234.5"],
  ["0;@", 5, "5"],
  // # shows no leading zero, ? a space for each missing digit.
  ["#.00", 0.5, ".50"],
  ["?.??", 1.5, "1.5 "],
  ["??0.0", 5, "  5.0"],
  // Percent multiplies; a currency tag shows its symbol; colours show nothing.
  ["0.0%", 0.0456, "4.6%"],
  ["[$¥-804]#,##0.00", 1234.5, "¥1,234.50"],
  ["[Red]0.00", -1, "-1.00"],
  // RULES-3 §18: a condition chooses the section (SSF refused the second section's #,##0.##).
  ['[>=10000]#,##0.0,"万";0.00', 12345, "12.3万"],
  ['[>=10000]#,##0.0,"万";0.00', 123.456, "123.46"],
  ['[>=10000]#,##0.##,"万";#,##0.##', 1234.5, "1,234.5"],
  ['[=0]"零";0.00', 0, "零"],
])("%j shows %s as %j", (format, value, text) => {
  expect(formatNumber(value, format)).toBe(text);
});

test.each([
  // What the sections do not read is SSF's: fractions, scientific, dates, General or text in a section, a condition on a later section, a negative under conditions.
  ["# ?/?", 1.5],
  ["0.00E+00", 1234.5],
  ["yyyy/m/d", 45291],
  ["General;-General", 5],
  ['0.0;[<-100]0.00;0', 5],
  ["[<=1]0.0;0.00", -5],
  ["0\"a\"0", 5],
])("%j is left to SSF (%s)", (format, value) => {
  expect(formatSections(value, format)).toBeNull();
  expect(formatNumber(value, format)).toBe(XLSX.SSF.format(format, value));
});

test("any format text, well formed or not, shows any value as a text: no throw, no NaN, Infinity or undefined", () => {
  const piece = fc.constantFrom("0", "#", "?", ".", ",", "%", '"', "\\", "_", "*", "[", "]", "$", "-", "¥", "元", ";", "@", "E+", "/", " ", "(", ")", "y", "m", "d", "h", "s", "[>=", "=", "<", "1", "[Red]", "[DBNum1]", "[$-804]", "上午/下午", "aaaa", "General");
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.004, 1234.5, 99.995, 45291.5));
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), value, (pieces, v) => {
      const text = formatNumber(v, pieces.join(""));
      expect(typeof text).toBe("string");
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
    }),
    { numRuns: 20000 },
  );
  expect(formatNumber(1.5, `#,##0${"%".repeat(200)}`)).toBe("########");
});
