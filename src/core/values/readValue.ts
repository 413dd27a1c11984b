/** The value reader (RULES §3): what a target (年度指标值) or actual (实际完成值) cell says. */
import { isDateFormat, isPercentFormat } from "../numberFormat";
import { settleFields } from "../shapes";
import { headerKey, toHalfWidth } from "../text";
import type { ReadMemo } from "./readMemo";
import type { CellInput, Comparator, ParsedValue, Tier } from "./types";
import { normalizeUnit } from "./units";

const byLength = <T>(list: Array<[string, T]>) => list.sort((a, b) => b[0].length - a[0].length);

// Checked longest first, so `>=` wins over `>` and 大于等于 over 大于. Full-width forms are half-widthed before.
const SYMBOLS = byLength<Comparator>([
  [">=", ">="], ["≥", ">="], ["≧", ">="], ["⩾", ">="],
  ["<=", "<="], ["≤", "<="], ["≦", "<="], ["⩽", "<="],
  [">", ">"], ["<", "<"], ["==", "="], ["=", "="],
]);
const WORDS = byLength<Comparator>([
  ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["大于等于", ">="], ["大于或等于", ">="], ["至少", ">="],
  ["不高于", "<="], ["不超过", "<="], ["不多于", "<="], ["不大于", "<="], ["小于等于", "<="], ["小于或等于", "<="],
  ["至多", "<="], ["大于", ">"], ["高于", ">"], ["超过", ">"], ["多于", ">"],
  ["小于", "<"], ["低于", "<"], ["少于", "<"], ["等于", "="],
  // 民法典 第一千二百五十九条: 超过 and 不满 leave the number out; 未超过 keeps it (RULES-2 §9.5).
  ["未超过", "<="], ["不满", "<"], ["不足", "<"],
]);
/** After the number and unit: `48 小时内` means at most 48 hours. */
const SUFFIXES = byLength<Comparator>([["以内", "<="], ["内", "<="], ["以上", ">="], ["及以上", ">="], ["以下", "<="], ["及以下", "<="]]);

// Checked in this order: 部分达成 and 未达成 contain 达成. Every listed long form starts with one of these.
const TIERS: Array<[string, Tier]> = [
  ["部分达成", "部分达成"],
  ["未达成", "未达成"],
  ["未完成", "未达成"],
  ["已全部完成", "达成"],
  ["已全部达成", "达成"],
  ["全部完成", "达成"],
  ["全部达成", "达成"],
  ["完全达成", "达成"],
  ["已达成", "达成"],
  ["已完成", "达成"],
  ["达成", "达成"],
  ["完成", "达成"],
];
/**
 * What may follow a tier word and still be the tier: the template's long forms (达成年度指标,
 * 部分达成指标并具有一定效果, 未达成预期指标且效果较差). Anything else (完成了一半, 已完成部分, 达成度较低)
 * is not a tier word: qualitative.ts reads it, and it never gets full marks unasked.
 */
const TIER_TAIL = /^((年度|预期|绩效)?(指标|目标)(值)?)?(并具有一定效果|且效果较差)?$/;

const NUMBER = /^(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)/;
const UNIT_BAD_CHARS = /[\d\s,.;:!?，。；：！？、()（）[\]【】<>=≥≤≧≦"'“”‘’《》+-]/;
// Words that make trailing text a clause (`10分钟内赶到`) rather than a unit.
const UNIT_BAD_WORDS = /内|以|前|后|在|的|和|及|或|且|并|为|是|达|到|完成|确保|实现/;
const DATE = /^\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?/;

function isUnitText(u: string, maxLength: number): boolean {
  return u.length <= maxLength && !UNIT_BAD_CHARS.test(u) && !UNIT_BAD_WORDS.test(u);
}

const CLOSING_BRACKET = /[)）]\s*$/;

/** The unit in an indicator name's trailing parentheses: `设施设备采购及时率（%）` → `%`; "" when none. */
export function unitFromName(name: string): string {
  const s = String(name ?? "");
  // Only a name ending in a bracket can name a unit (most do not: 指标1, 群众满意度).
  if (!CLOSING_BRACKET.test(s)) return "";
  const m = /\(([^()]*)\)$/.exec(toHalfWidth(s).trim());
  if (!m) return "";
  const u = normalizeUnit(m[1]);
  if (u === "%" || u === "‰") return u;
  const parts = u.split("/");
  if (parts.length > 2 || parts.some((p) => p.length === 0 || p.length > 4)) return "";
  if (!isUnitText(parts.join(""), 8)) return "";
  // Descriptions such as （骨干网可用率）, （人数）, （满意度）; a lone 度 (kWh) is a unit.
  if (/[率性数量比值否]|情况|程度|指标/.test(u) || (u.length > 1 && u.endsWith("度"))) return "";
  return u;
}

function normalizeText(s: string): string {
  return toHalfWidth(s).replace(/\u2212/g, "-").replace(/﹪/g, "%").trim();
}

function startsWithAny<T>(s: string, list: Array<[string, T]>): [string, T] | undefined {
  return list.find(([w]) => s.startsWith(w));
}

/** The first characters of a list's words: a text beginning otherwise starts with none of them (most values). */
const firstChars = (...lists: Array<Array<[string, unknown]>>) => new Set(lists.flatMap((l) => l.map(([w]) => w[0])));
const LEAD_FIRST = firstChars(SYMBOLS, WORDS);
const TIER_FIRST = firstChars(TIERS);

/** Unit and trailing comparator after the number, or null when the rest is not a unit. */
function parseTail(rest: string): { unit: string; op?: Comparator } | null {
  let s = rest.trim();
  let op: Comparator | undefined;
  const suffix = SUFFIXES.find(([w]) => s.endsWith(w));
  if (suffix) {
    op = suffix[1];
    s = s.slice(0, -suffix[0].length).trim();
  }
  if (s === "") return { unit: "", op };
  // The sign and the unit column both kept: ≤100%(%), ≥95%（%）, 30人(人) (RULES-3 §16).
  const twice = /^([^()]+)\(([^()]+)\)$/.exec(s);
  if (twice && normalizeUnit(twice[1]) === normalizeUnit(twice[2])) s = twice[1].trim();
  const paren = /^\(([^()]*)\)$/.exec(s);
  const ok = paren ? isUnitText(paren[1].replace(/\s+/g, ""), 12) : isUnitText(s, 6);
  return ok ? { unit: normalizeUnit(s), op } : null;
}

function parseQuantity(s: string): { value: number; unit: string; op?: Comparator } | null {
  const m = NUMBER.exec(s);
  if (!m) return null;
  const tail = parseTail(s.slice(m[0].length));
  if (!tail) return null;
  const value = Number(m[0].includes(",") ? m[0].replace(/,/g, "") : m[0]);
  // The tail's own keys, in its order, without a spread (a copy made key by key for every value read).
  return Number.isFinite(value) ? { value, unit: tail.unit, op: tail.op } : null;
}

/** Only digits, separators, signs and % with at most a unit after them: a number gone wrong (`1..5`, `--3`). */
function looksNumeric(s: string): boolean {
  const m = /^([\d.,+\-%‰]*\d[\d.,+\-%‰]*)(.*)$/.exec(s.replace(/\s+/g, ""));
  return m !== null && (m[2] === "" || parseTail(m[2]) !== null);
}

/** A tier word at the start, unless figures follow it: 完成20项 and 完成率80% are quantities, not 达成. */
function tierOf(text: string): Tier | undefined {
  const key = headerKey(text).replace(/[。．.；;！!]+$/, "");
  if (!TIER_FIRST.has(key[0])) return undefined;
  const hit = startsWithAny(key, TIERS);
  if (!hit || !TIER_TAIL.test(key.slice(hit[0].length))) return undefined;
  return hit[1];
}

const unparseable = (text: string, reason: string): ParsedValue => ({ kind: "unparseable", text, reason });

/** A leading apostrophe is Excel's mark for "text as typed", not part of the value (`'95`). */
const withoutApostrophe = (s: string): string => s.replace(/^\s*'/, "");

const isDigit = (c: number) => c >= 48 && c <= 57;

/** What a unit may be written with on the quick path: ideographs, Latin letters, % ‰ and /. */
const isUnitChar = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 37 || c === 0x2030 || c === 47;

/**
 * The usual target and actual, `≥25.00(项)`, `30（人）`, `<=2小时`, `95%`, read without the full
 * reading's copies and regular expressions (a large form's values were a tenth of its check): a
 * comparator symbol, digits with or without a decimal part, then nothing, a unit, or a unit in
 * brackets. Null for anything else, which is read in full. Held equal to the full reading by a
 * property test (test/core/values/quickQuantity.test.ts).
 */
export function quickQuantity(raw: string, nameUnit: string | undefined): ParsedValue | null {
  const n = raw.length;
  let i = 0;
  let op: Comparator = "=";
  const c = raw.charCodeAt(0);
  if (c === 0x2265 || c === 0x2264) {
    op = c === 0x2265 ? ">=" : "<=";
    i = 1;
  } else if (c === 62 || c === 60 || c === 61) {
    const eq = raw.charCodeAt(1) === 61;
    op = c === 61 ? "=" : c === 62 ? (eq ? ">=" : ">") : eq ? "<=" : "<";
    i = eq ? 2 : 1;
  }
  const start = i;
  while (i < n && isDigit(raw.charCodeAt(i))) i++;
  if (i === start) return null;
  if (raw.charCodeAt(i) === 46) {
    const f = ++i;
    while (i < n && isDigit(raw.charCodeAt(i))) i++;
    if (i === f) return null;
  }
  const end = i;
  let unit = "";
  if (i < n) {
    const open = raw.charCodeAt(i);
    const bracketed = open === 40 || open === 0xff08;
    const close = raw.charCodeAt(n - 1);
    if (bracketed && close !== 41 && close !== 0xff09) return null;
    const from = bracketed ? i + 1 : i;
    const to = bracketed ? n - 1 : n;
    if (to === from) return null;
    for (let k = from; k < to; k++) if (!isUnitChar(raw.charCodeAt(k))) return null;
    // As the full reading takes a unit (以内, 内, 以上 after the number are comparators: not units).
    if (!isUnitText(raw.slice(from, to), bracketed ? 12 : 6)) return null;
    unit = normalizeUnit(raw.slice(i));
  }
  return { kind: "quantity", op, value: Number(raw.slice(start, end)), unit: unit || normalizeUnit(nameUnit ?? ""), text: raw };
}

function readText(raw: string, nameUnit: string | undefined, tiers: boolean): ParsedValue {
  return quickQuantity(raw, nameUnit) ?? readTextInFull(raw, nameUnit, tiers);
}

/** readText without its quick path: what the quick path is held to. */
export function readTextInFull(raw: string, nameUnit: string | undefined, tiers: boolean): ParsedValue {
  const text = withoutApostrophe(raw).trim();
  if (!text) return { kind: "empty" };
  if (tiers) {
    const tier = tierOf(text);
    if (tier) return { kind: "tier", tier, text };
  }
  const t = normalizeText(text);
  const leads = LEAD_FIRST.has(t[0]);
  const symbol = leads ? startsWithAny(t, SYMBOLS) : undefined;
  const lead = symbol ?? (leads ? startsWithAny(t, WORDS) : undefined);
  const rest = lead ? t.slice(lead[0].length).trim() : t;
  const q = parseQuantity(rest);
  if (q) {
    if (lead && q.op && lead[1] !== q.op) return unparseable(text, "conflicting comparators");
    const unit = q.unit || normalizeUnit(nameUnit ?? "");
    return { kind: "quantity", op: lead?.[1] ?? q.op ?? "=", value: q.value, unit, text };
  }
  if (symbol) {
    return unparseable(text, /\d/.test(rest) ? "malformed number after comparator" : "no number after comparator");
  }
  if (DATE.test(rest)) return { kind: "qualitative", text };
  if (looksNumeric(rest)) return unparseable(text, "malformed number");
  // A comparator word may open a qualitative target (不低于上年水平), but not an empty one.
  if (lead && (rest === "" || /^\([^()]*\)$/.test(rest))) return unparseable(text, "no number after comparator");
  return { kind: "qualitative", text };
}

function readCell(cell: CellInput, nameUnit: string | undefined, tiers: boolean, memo: ReadMemo | undefined): ParsedValue {
  const v = cell.value;
  if (typeof v === "string") return memo ? memo.reading(v, nameUnit, tiers, readText) : readText(v, nameUnit, tiers);
  if (typeof v === "boolean") return { kind: "qualitative", text: v ? "TRUE" : "FALSE" };
  if (typeof v !== "number") return { kind: "empty" };
  const text = (typeof cell.text === "string" && cell.text.trim()) || String(v);
  if (!Number.isFinite(v)) return unparseable(text, "not a finite number");
  // A date (2023/12/31 typed, which Excel keeps as its serial 45291) reads as the date shown, as the
  // same date typed as text does: never as a quantity of 45,291 days, one a month earlier "short" of it.
  if (isDateFormat(cell.numberFormat)) return { kind: "qualitative", text };
  if (isPercentFormat(cell.numberFormat)) {
    // Excel stores 97.8% as 0.978; ×100 leaves float noise (97.80000000000001).
    const value = Number((v * 100).toFixed(10));
    if (!Number.isFinite(value)) return unparseable(text, "not a finite number");
    return { kind: "quantity", op: "=", value, unit: "%", text };
  }
  return { kind: "quantity", op: "=", value: v, unit: normalizeUnit(nameUnit ?? ""), text };
}

/** A target value (年度指标值). `nameUnit` is used when the value has no unit of its own. `memo`: a fill's, read from where it can. */
export function readTarget(cell: CellInput, nameUnit?: string, memo?: ReadMemo): ParsedValue {
  return readCell(cell, nameUnit, false, memo);
}

/** An actual value (实际完成值): as a target, but 达成 / 部分达成 / 未达成 texts read as tiers. */
export function readActual(cell: CellInput, nameUnit?: string, memo?: ReadMemo): ParsedValue {
  return readCell(cell, nameUnit, true, memo);
}

// A quantity's value is whole or a fraction (never null): its field settled as a double.
settleFields((n) => n !== null && readTarget({ value: n }));
