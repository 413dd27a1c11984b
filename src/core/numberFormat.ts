/**
 * A small renderer for the number formats these forms use (General, 0.00, #,##0.00, 0.00%…), so a
 * host without Excel's own text (ExcelJS, the emulator) shows what Excel would show.
 */
interface Compiled {
  general: boolean;
  percent: boolean;
  decimals: number;
  grouping: boolean;
  before: string;
  after: string;
}

const compiled = new Map<string, Compiled>();

/**
 * Whether a number format shows its value as a percentage (×100): a % outside quoted literals
 * ("%"), escapes (\%) and [bracketed] sections. The one test for every reader of percentages.
 */
export function isPercentFormat(format: unknown): boolean {
  if (typeof format !== "string" || format.length > MAX_FORMAT_LENGTH) return false;
  return format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").includes("%");
}

/** Excel refuses number formats longer than this; a longer one in a file is shown as General. */
const MAX_FORMAT_LENGTH = 255;

function compile(format: string): Compiled {
  const plain: Compiled = { general: true, percent: false, decimals: 0, grouping: false, before: "", after: "" };
  if (format.length > MAX_FORMAT_LENGTH) return plain;
  const fmt = format.split(";")[0];
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return plain;
  const literal = (s: string) => s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const body = fmt.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  const m = /([#0,]*0|#)(?:\.(0+|#+))?/.exec(body);
  if (!m) return plain;
  const at = fmt.indexOf(m[0]) >= 0 ? fmt.indexOf(m[0]) : 0;
  return {
    general: false,
    percent: isPercentFormat(fmt),
    decimals: m[2] ? m[2].length : 0,
    grouping: m[1].includes(","),
    before: literal(fmt.slice(0, at)).replace(/[#0,.%]/g, ""),
    after: literal(fmt.slice(at + m[0].length)).replace(/[#0,.]/g, ""),
  };
}

export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const key = format ?? "General";
  let c = compiled.get(key);
  if (!c) {
    c = compile(key);
    // A hostile file may carry thousands of formats: keep the cache bounded.
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(key, c);
  }
  if (c.general) return general(value);
  const { percent, decimals, grouping, before, after } = c;
  const v = percent ? value * 100 : value;
  let s = excelFixed(Math.abs(v), decimals);
  if (grouping) {
    const [int, frac] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  if (v < 0 && Number(s.replace(/,/g, "")) !== 0) s = `-${s}`;
  return `${before}${s}${after}`;
}

/**
 * Fixed decimals as Excel shows them: half away from zero on the number's decimal digits (fifteen
 * significant), not on its binary value. 9.85 in a 0.0 format shows 9.9, where toFixed gives 9.8.
 */
function excelFixed(x: number, decimals: number): string {
  const scale = 10 ** decimals;
  const scaled = Number((x * scale).toPrecision(15));
  if (!Number.isFinite(scaled) || scaled >= 1e21) return x.toFixed(decimals);
  return (Math.round(scaled) / scale).toFixed(decimals);
}

function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const p = Number(v.toPrecision(11));
  return String(p);
}

/** The text Excel shows for a cell's value (Range.text): numbers by their format, booleans as TRUE/FALSE. */
export function displayText(value: string | number | boolean | null | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, format);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}
