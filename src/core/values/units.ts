/** Units of quantities: normalising their spelling and converting between compatible ones. */
import { REGIONS } from "../forms/regions";
import { toHalfWidth } from "../text";

/** Half-width, no white space, `％`→`%`, wrapping parentheses removed: `（ 万元 ）` → `万元`. */
export function normalizeUnit(u: string): string {
  let s = normalized.get(u);
  if (s !== undefined) return s;
  s = toHalfWidth(u).replace(/\s+/g, "").replace(/﹪/g, "%");
  while (s.startsWith("(") && s.endsWith(")") && balanced(s.slice(1, -1))) s = s.slice(1, -1);
  // Units written in words (Anhui's ≥100百分比, RULES-2 §9.5).
  s = REGIONS.project.anhui.unitWords.get(s) ?? s;
  if (normalized.size < 10_000) normalized.set(u, s);
  return s;
}

/** Forms repeat a handful of units thousands of times. */
const normalized = new Map<string, string>();

/** `a)(b` is not balanced, so `(a)(b)` keeps its parentheses. */
function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Seconds in each time unit. 工作日, 月 and 年 are deliberately absent: they are not fixed lengths of time. */
const TIME: Record<string, number> = { 秒: 1, 分钟: 60, 分: 60, 小时: 3600, 时: 3600, 天: 86400, 日: 86400 };

/** Magnitude prefixes, longest first so that 千万 is not read as 千 + 万. */
const PREFIXES: ReadonlyArray<[string, number]> = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["百万", 1e6],
  ["十万", 1e5],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

interface Scaled {
  base: string;
  factor: number;
}

function baseOf(u: string): Scaled {
  if (Object.prototype.hasOwnProperty.call(TIME, u)) return { base: "<time>", factor: TIME[u] };
  return { base: u, factor: 1 };
}

function decomposeSimple(u: string): Scaled {
  for (const [prefix, factor] of PREFIXES) {
    if (u.startsWith(prefix)) {
      const inner = baseOf(u.slice(prefix.length));
      return { base: inner.base, factor: factor * inner.factor };
    }
  }
  return baseOf(u);
}

/** `万条/小时` → base `条/<time>`, factor 1e4 / 3600. */
function decompose(u: string): Scaled {
  const parts = u.split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return decomposeSimple(u);
  const num = decomposeSimple(parts[0]);
  const den = decomposeSimple(parts[1]);
  return { base: `${num.base}/${den.base}`, factor: num.factor / den.factor };
}

/** Removes float noise such as 0.30000000000000004 left by scaling. */
function clean(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x;
}

/**
 * Expresses `value`, given in `from`, in unit `to`. Same or missing unit: unchanged, `converted: false`.
 * Magnitude prefixes on the same base (万条↔亿条, 元↔万元) and time units (秒…天) convert; anything else is null.
 */
export function convertUnit(
  value: number,
  from: string,
  to: string,
): { value: number; converted: boolean } | null {
  const f = normalizeUnit(from);
  const t = normalizeUnit(to);
  if (!f || !t || f === t) return { value, converted: false };
  const a = decompose(f);
  const b = decompose(t);
  if (a.base !== b.base) return null;
  return { value: clean((value * a.factor) / b.factor), converted: true };
}
