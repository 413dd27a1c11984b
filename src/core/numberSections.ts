import { fixedDecimal } from "./decimals";

/**
 * A number shown by a format of digit sections (`#,##0.##`, `"¥"0.00;[Red]-0.00;"-"`, `#,##0.0,"千元"`,
 * `0,000`) as Excel shows it, for the sections SheetJS's SSF gets wrong or refuses: SSF refuses
 * `#,##0.##` and `0,000` (shown as General, 1234.5 where Excel shows 1,234.5), drops the padding zeros
 * of `00.00` (0.50 for 00.50), loses the digit of `"¥"0` for a small negative (-¥), and rounds a scaled
 * value on its binary form (1.234 for 1.235). Null for what it does not read — a negative value under
 * conditions, fractions, scientific, dates and times, General or text in a section — which SSF then shows.
 *
 * Excel's rules, as ECMA-376 Part 1 §18.8.31 and Excel's own display give them: the first section for
 * a positive value, the second (without a sign of its own) for a negative one, the third for zero; a
 * negative value in a format of one section shows a minus before everything (Excel keeps it for a value
 * that rounds to zero: -0.00), in a negative section none but that section's own. Within the number,
 * `0` shows a digit or a zero, `#` a digit or nothing, `?` a digit or a space; a comma between digit
 * places groups thousands, each comma after the last digit place divides by a thousand, `%` multiplies
 * by a hundred. `"…"` and `\x` are literal, `_x` a space, `*x` nothing (the text, as Range.text gives
 * it, not the column filled), `[Red]` nothing, `[$¥-804]` its symbol.
 *
 * The format is given as prepared for SSF: locale tags without a symbol and [DBNumN] taken out, and
 * the characters SSF would refuse quoted. test/core/numberSections.test.ts holds it to a table, to
 * SSF where SSF is right, and to LibreOffice over generated formats.
 */
export function formatSections(value: number, format: string): string | null {
  const compiled = compileSections(format);
  return compiled === null ? null : showSections(value, compiled);
}

/** A format read for formatSections once, to show many values (the reader keeps one per format). */
export interface SectionsFormat {
  /** Each section read (null where it is not read here), its condition, and how many there are. */
  sections: Array<Section | null>;
  conditions: Array<Condition | null>;
}

/** A format's sections read, or null when it is no format of digit sections (a condition not read here, more than four sections). */
export function compileSections(format: string): SectionsFormat | null {
  let sections = sectionsOf(format);
  if (sections === null || sections.length > 4) return null;
  // A fourth section is for text, and so is a last one holding @ (`0.00;@`): a number never shows in it.
  if (sections.length === 4 || (sections.length > 1 && hasAt(sections[sections.length - 1]))) sections = sections.slice(0, -1);
  const conditions = sections.map(conditionOf);
  if (conditions.some((c) => c === undefined)) return null;
  return { sections: sections.map((s) => parseSection(s.replace(CONDITION, ""))), conditions: conditions as Array<Condition | null> };
}

/** A value shown by a compiled format, or null where the section it takes is not read here. */
export function showSections(value: number, f: SectionsFormat): string | null {
  const n = f.sections.length;
  const chosen = f.conditions.some((c) => c !== null) ? byCondition(value, f.conditions) : bySign(value, n);
  if (chosen === null) return null;
  const section = f.sections[chosen];
  if (section === null) return null;
  if (value >= 0) return render(section, value, false);
  // A format of one section shows a negative value's minus; a negative section shows the value without it.
  return render(section, -value, n === 1);
}

/** The section for a value where no section has a condition: positive, negative, zero (zero in the first when there is no third). */
function bySign(v: number, sections: number): number {
  if (v > 0) return 0;
  if (v < 0) return sections > 1 ? 1 : 0;
  return sections > 2 ? 2 : 0;
}

type Condition = { op: string; limit: number };

const CONDITION = /\[(<>|<=|>=|<|>|=)\s*(-?\d+(?:\.\d+)?)\]/;

/** A section's condition (`[>=10000]`), null for none, undefined for one not read here. */
function conditionOf(section: string): Condition | null | undefined {
  const m = CONDITION.exec(section);
  if (!m) return /\[[<>=]/.test(section) ? undefined : null;
  return { op: m[1], limit: Number(m[2]) };
}

function meets(v: number, c: Condition): boolean {
  switch (c.op) {
    case "=":
      return v === c.limit;
    case "<>":
      return v !== c.limit;
    case "<":
      return v < c.limit;
    case "<=":
      return v <= c.limit;
    case ">":
      return v > c.limit;
    default:
      return v >= c.limit;
  }
}

/**
 * The section conditions choose for a value, where Excel, LibreOffice and SSF agree: a value of zero
 * or more in a format whose first section has a condition — the first section if the value meets it,
 * else the second if it has none or the value meets its own, else the third. A negative value (whose
 * minus the programs show by different rules), a third section after a second without a condition, or a
 * condition on another section, are left to SSF.
 */
function byCondition(v: number, conditions: Array<Condition | null>): number | null {
  const [c1, c2] = conditions;
  if (v < 0 || c1 === null || conditions.slice(2).some((c) => c !== null)) return null;
  if (meets(v, c1)) return 0;
  if (conditions.length < 2) return null;
  if (c2 === null) return conditions.length === 2 ? 1 : null;
  if (meets(v, c2)) return 1;
  return conditions.length === 3 ? 2 : null;
}

/** Whether a section holds @ outside quotes and escapes. */
function hasAt(section: string): boolean {
  return /@/.test(section.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

interface Section {
  /** What stands before the number, after it, and the number's own places. */
  prefix: string;
  suffix: string;
  /** The digit places of the integer part, as written (`#,##0` → "##0"), and of the fraction. */
  int: string;
  frac: string;
  hasPoint: boolean;
  grouped: boolean;
  /** Thousands divided by (trailing commas) and hundreds multiplied by (percent signs). */
  scale: number;
  percents: number;
  /** No digit place at all: the section is its literals alone (`"-"`). */
  literalOnly: boolean;
}

/** The format's sections, cut at semicolons outside quotes, brackets and escapes; null if a quote or bracket is left open. */
function sectionsOf(format: string): string[] | null {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"' || ch === "[") {
      const close = format.indexOf(ch === '"' ? '"' : "]", i + 1);
      if (close < 0) return null;
      i = close;
    } else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else if (ch === ";") {
      out.push(format.slice(start, i));
      start = i + 1;
    }
  }
  out.push(format.slice(start));
  return out;
}

const COLOR = /^\[(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d{1,2})\]$/i;
/** Characters Excel shows as they are without quotes. */
const PLAIN_LITERAL = /[$\-+():!^&'~{}<>= ]/;

function parseSection(s: string): Section | null {
  const sec: Section = { prefix: "", suffix: "", int: "", frac: "", hasPoint: false, grouped: false, scale: 0, percents: 0, literalOnly: true };
  /** Where the walk stands (before the number, within it, after it), and the commas met since the last digit place, not yet known to group or to scale. */
  const at: { where: "before" | "in" | "after"; commas: number } = { where: "before", commas: 0 };
  const literal = (text: string) => {
    if (at.where === "in") {
      // A literal after the number's places closes it (its pending commas scale); one between them is not read here.
      at.where = "after";
      sec.scale += at.commas;
      at.commas = 0;
    }
    if (at.where === "before") sec.prefix += text;
    else sec.suffix += text;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      const close = s.indexOf('"', i + 1);
      literal(s.slice(i + 1, close));
      i = close;
    } else if (ch === "[") {
      const close = s.indexOf("]", i + 1);
      const tag = s.slice(i, close + 1);
      i = close;
      if (COLOR.test(tag)) continue;
      const currency = /^\[\$([^-\]]*)(?:-[0-9A-Fa-f]+)?\]$/.exec(tag);
      if (!currency) return null;
      if (currency[1] !== "") literal(currency[1]);
    } else if (ch === "\\") {
      literal(s[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") i++;
    else if (ch === "0" || ch === "#" || ch === "?") {
      if (at.where === "after") return null;
      if (at.where === "in" && at.commas > 0) {
        // Commas between digit places group thousands (in the integer part; in the fraction, nothing).
        if (!sec.hasPoint) sec.grouped = true;
        at.commas = 0;
      }
      at.where = "in";
      sec.literalOnly = false;
      if (sec.hasPoint) sec.frac += ch;
      else sec.int += ch;
    } else if (ch === ".") {
      if (sec.hasPoint || at.where === "after") return null;
      if (at.where === "in" && at.commas > 0) {
        sec.grouped = true;
        at.commas = 0;
      }
      // A point before any digit place (`.00`) starts the number.
      at.where = "in";
      sec.hasPoint = true;
    } else if (ch === ",") {
      if (at.where === "in") at.commas++;
      else literal(",");
    } else if (ch === "%") {
      sec.percents++;
      literal("%");
    } else if (PLAIN_LITERAL.test(ch) || ch.charCodeAt(0) > 0x7f) literal(ch);
    else return null;
  }
  if (at.where === "in") sec.scale += at.commas;
  return sec;
}

function render(sec: Section, abs: number, minus: boolean): string | null {
  const sign = minus ? "-" : "";
  if (sec.literalOnly) return sign + sec.prefix + sec.suffix;
  let x = abs;
  for (let k = 0; k < sec.percents; k++) x *= 100;
  for (let k = 0; k < sec.scale; k++) x /= 1000;
  // Percent signs enough to pass Excel's largest number: left to SSF (and its General).
  if (!Number.isFinite(x)) return null;
  const fixed = fixedDecimal(x, sec.frac.length);
  const point = fixed.indexOf(".");
  const intDigits = (point < 0 ? fixed : fixed.slice(0, point)).replace(/^0+/, "");
  const fracDigits = point < 0 ? "" : fixed.slice(point + 1);
  return sign + sec.prefix + integerText(intDigits, sec.int, sec.grouped) + (sec.hasPoint ? "." + fractionText(fracDigits, sec.frac) : "") + sec.suffix;
}

/** The integer digits (none for a value below 1) in their places: more digits than places all show; a place past them shows 0, a space or nothing. */
function integerText(digits: string, places: string, grouped: boolean): string {
  let out = digits;
  for (let k = places.length - digits.length - 1; k >= 0; k--) {
    const p = places[k];
    out = (p === "0" ? "0" : p === "?" ? " " : "") + out;
  }
  if (!grouped) return out;
  // Thousands grouped over the digits and the zeros that pad them (0,012), not over spaces.
  const lead = out.length - out.trimStart().length;
  const body = out.slice(lead);
  return out.slice(0, lead) + body.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The fraction's digits in their places: from the right, a zero in a `#` place shows nothing and in a `?` place a space, until a digit or a `0` place. */
function fractionText(digits: string, places: string): string {
  let end = digits.length;
  let tail = "";
  while (end > 0 && digits[end - 1] === "0" && places[end - 1] !== "0") {
    if (places[end - 1] === "?") tail = " " + tail;
    end--;
  }
  return digits.slice(0, end) + tail;
}
