// Forms as budget units really fill them (RULES-3 §13–18), made from a correct form: the template's
// placeholder rows left in, not-applicable rows, unused groups, empty rows, a header repeated for
// printing, notes and signatures below, first-level labels that lost their word, values typed as
// text, percentages held as fractions, accounting formats. Each feature keeps the form as correct as
// it was: the same total, grade and budget score, and no new error.
import fc from "fast-check";
import { parseA1, parseRange, rangeToA1, toA1 } from "../../src/core/address";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { formatNumber } from "../../src/core/numberFormat";

/** The columns and rows of a form's indicator table, found once from the correct form; null where the family has none. */
export interface TableLayout {
  headerRow: number;
  level1: number;
  level2: number | null;
  name: number;
  target: number | null;
  actual: number | null;
  weight: number | null;
  score: number | null;
  /** Indicator rows, in order. */
  rows: number[];
  /** The total (总分) row, or the last row of the table. */
  endRow: number;
  /** The funds block's cells with figures (amounts, rate, score). */
  fundsCells: Array<{ row: number; col: number }>;
}

export type Feature =
  | { kind: "placeholder"; after: number; label: string }
  | { kind: "not-applicable"; after: number; name: string; target: string; actual: string }
  | { kind: "empty-rows"; after: number; count: number }
  | { kind: "empty-group"; after: number; level2: string; blanks: number }
  | { kind: "repeated-header"; after: number; variant: number }
  | { kind: "notes-below"; lines: number }
  | { kind: "level1-word-lost"; group: number; style: "points-only" | "broken-line" | "ascii-brackets" }
  | { kind: "target-sign-and-unit" }
  | { kind: "numbers-as-text"; style: "plain" | "full-width" | "spaced" | "apostrophe" }
  | { kind: "percent-as-fraction" }
  | { kind: "accounting-format"; format: number }
  | { kind: "same-word-actual"; style: "same" | "already" };

export const PLACEHOLDER_LABELS = ["指标2：", "指标3：", "指标2:", "指标4:", "……", "…", "指标5："];
export const NA_WORDS = ["/", "无", "—", "——", "-", "不适用", "不涉及"];
export const UNUSED_GROUPS = ["经济效益指标", "生态效益指标", "可持续影响指标", "成本指标"];
export const ACCOUNTING_FORMATS = [
  '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  "#,##0.00;[Red]-#,##0.00",
  '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-',
  "#,##0.00_);(#,##0.00)",
  '[$¥-804]#,##0.00;[$¥-804]\\-#,##0.00',
];

interface RecognisedTable {
  headerRow: number;
  indicators: Array<{ row: number; nameCell: string; targetCell: string; actualCell: string | null; weight: { address: string } | null; score: { address: string } | null; target: { kind: string } }>;
  total: { row: number } | null;
  lastRow: number;
}

type FundsCell = { address: string } | null;
type FundsRows = { total: { initial: FundsCell; budget: FundsCell; executed: FundsCell }; parts: Array<{ initial: FundsCell; budget: FundsCell; executed: FundsCell }> } | null;

/** The layout of a correct form, read from what the engine recognised in it (its funds block's amounts included). */
export function layoutOf(snap: SheetSnapshot, form: RecognisedTable & { funds?: FundsRows }): TableLayout {
  const rows = form.funds ? [form.funds.total, ...form.funds.parts] : [];
  const fundsCells = rows.flatMap((f) => [f.initial, f.budget, f.executed].filter((c): c is { address: string } => c !== null).map((c) => parseA1(c.address)));
  const header = snap.values[form.headerRow - snap.origin.row].map((v) => String(v ?? "").replace(/\s+/g, ""));
  const headerCol = (test: (h: string) => boolean) => {
    const i = header.findIndex(test);
    return i < 0 ? null : i + snap.origin.col;
  };
  const first = form.indicators[0];
  const colOf = (a1: string | null | undefined) => (a1 ? parseA1(a1).col : null);
  const level1 = headerCol((h) => h.startsWith("一级"));
  if (level1 === null) throw new Error("layoutOf: no first-level column");
  return {
    headerRow: form.headerRow,
    level1,
    level2: headerCol((h) => h.startsWith("二级")),
    name: colOf(first.nameCell)!,
    target: first.target.kind === "empty" && !header.some((h) => /指标值|目标值/.test(h)) ? null : colOf(first.targetCell),
    actual: colOf(first.actualCell),
    weight: colOf(first.weight?.address) ?? headerCol((h) => /^(指标)?(分值|权重)/.test(h)),
    score: colOf(first.score?.address) ?? headerCol((h) => /^(自评)?得分|^自评分$/.test(h)),
    rows: form.indicators.map((i) => i.row),
    endRow: form.total?.row ?? form.lastRow,
    fundsCells,
  };
}

/** A working copy of a snapshot that rows can be inserted into, as Excel inserts them. */
class Sheet {
  values: CellValue[][];
  text: string[][];
  numberFormats: string[][];
  formulas: Array<Array<string | null>>;
  merges: string[];
  constructor(
    readonly snap: SheetSnapshot,
    public layout: TableLayout,
  ) {
    this.values = snap.values.map((r) => [...r]);
    this.text = snap.text.map((r) => [...r]);
    this.numberFormats = snap.numberFormats.map((r) => [...r]);
    this.formulas = snap.formulas.map((r) => [...r]);
    this.merges = [...snap.merges];
  }
  get width(): number {
    return this.values[0]?.length ?? 0;
  }
  private i(row: number) {
    return row - this.snap.origin.row;
  }
  private j(col: number) {
    return col - this.snap.origin.col;
  }
  get(row: number, col: number | null): CellValue {
    if (col === null) return null;
    return this.values[this.i(row)]?.[this.j(col)] ?? null;
  }
  /** A column the family does not have (null) takes nothing. */
  set(row: number, col: number | null, value: CellValue, format?: string): void {
    if (col === null) return;
    const i = this.i(row);
    const j = this.j(col);
    while (this.values.length <= i) this.pushRow();
    this.values[i][j] = value;
    if (format !== undefined) this.numberFormats[i][j] = format;
    this.text[i][j] = value === null ? "" : typeof value === "number" ? formatNumber(value, this.numberFormats[i][j]) : String(value);
  }
  format(row: number, col: number): string {
    return this.numberFormats[this.i(row)]?.[this.j(col)] ?? "General";
  }
  private pushRow() {
    this.values.push(new Array(this.width).fill(null));
    this.text.push(new Array(this.width).fill(""));
    this.numberFormats.push(new Array(this.width).fill("General"));
    this.formulas.push(new Array(this.width).fill(null));
  }
  /** Whether a cell lies inside a merge other than at its top-left. */
  covered(row: number, col: number | null): boolean {
    if (col === null) return true;
    return this.merges.some((m) => {
      const r = parseRange(m);
      return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && !(row === r.top && col === r.left);
    });
  }
  /** Inserts `n` empty rows so that the first new row is `at`; rows from `at` on move down, merges across grow. */
  insertRows(at: number, n: number): void {
    const i = this.i(at);
    const blank = () => new Array(this.width).fill(null);
    this.values.splice(i, 0, ...Array.from({ length: n }, blank));
    this.text.splice(i, 0, ...Array.from({ length: n }, () => new Array(this.width).fill("")));
    this.numberFormats.splice(i, 0, ...Array.from({ length: n }, () => new Array(this.width).fill("General")));
    this.formulas.splice(i, 0, ...Array.from({ length: n }, () => new Array(this.width).fill(null)));
    this.merges = this.merges.map((m) => {
      const r = parseRange(m);
      if (r.top >= at) return rangeToA1({ ...r, top: r.top + n, bottom: r.bottom + n });
      if (r.bottom >= at) return rangeToA1({ ...r, bottom: r.bottom + n });
      return m;
    });
    const shift = (row: number) => (row >= at ? row + n : row);
    this.formulas = this.formulas.map((line) => line.map((f) => (f === null ? null : f.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_, c: string, r: string) => `${c}${shift(Number(r))}`))));
    const L = this.layout;
    this.layout = { ...L, headerRow: shift(L.headerRow), rows: L.rows.map(shift), endRow: shift(L.endRow), fundsCells: L.fundsCells.map((c) => ({ ...c, row: shift(c.row) })) };
  }
  /** Cuts every merge across `row` into the part above and the part below, the value repeated below. */
  splitMergesAt(row: number): void {
    const out: string[] = [];
    for (const m of this.merges) {
      const r = parseRange(m);
      if (r.top > row || r.bottom < row) {
        out.push(m);
        continue;
      }
      const value = this.get(r.top, r.left);
      if (r.top < row && (row - 1 > r.top || r.right > r.left)) out.push(rangeToA1({ ...r, bottom: row - 1 }));
      if (r.bottom > row) {
        if (r.bottom > row + 1 || r.right > r.left) out.push(rangeToA1({ ...r, top: row + 1 }));
        this.set(row + 1, r.left, value);
      }
      if (r.top === row && r.bottom === row) out.push(m);
    }
    this.merges = out;
  }
  /** The level cells of a new row below `above`: empty under a merge, repeated where the form repeats them. */
  levelsFrom(above: number, row: number): void {
    for (const c of [this.layout.level1, this.layout.level2].filter((x): x is number => x !== null)) {
      if (!this.covered(row, c) && this.get(above, c) !== null && !this.covered(above, c)) this.set(row, c, this.get(above, c));
    }
  }
  toSnapshot(): SheetSnapshot {
    return { ...this.snap, values: this.values, text: this.text, numberFormats: this.numberFormats, formulas: this.formulas, merges: this.merges };
  }
}

/** Where features put rows: after an indicator row (by its index), the placement stays inside the table. */
const rowAfter = (s: Sheet, k: number) => s.layout.rows[Math.min(k, s.layout.rows.length - 1)];

function apply(s: Sheet, f: Feature): void {
  const L = () => s.layout;
  switch (f.kind) {
    case "placeholder": {
      const above = rowAfter(s, f.after);
      s.insertRows(above + 1, 1);
      s.levelsFrom(above, above + 1);
      s.set(above + 1, L().name, f.label);
      return;
    }
    case "not-applicable": {
      const above = rowAfter(s, f.after);
      s.insertRows(above + 1, 1);
      s.levelsFrom(above, above + 1);
      // A family with neither a target nor an actual column marks the row in its name.
      s.set(above + 1, L().name, L().target === null && L().actual === null ? f.target : f.name);
      s.set(above + 1, L().target, f.target);
      s.set(above + 1, L().actual, f.actual);
      return;
    }
    case "empty-rows": {
      const above = rowAfter(s, f.after);
      s.insertRows(above + 1, f.count);
      return;
    }
    case "empty-group": {
      const above = rowAfter(s, f.after);
      s.insertRows(above + 1, 1 + f.blanks);
      if (!s.covered(above + 1, L().level2)) s.set(above + 1, L().level2, f.level2);
      return;
    }
    case "repeated-header": {
      // At a page break: merged level cells end above the repeated header and start again below it.
      const above = rowAfter(s, f.after);
      const h = L().headerRow;
      s.insertRows(above + 1, 1);
      s.splitMergesAt(above + 1);
      for (let c = s.snap.origin.col; c < s.snap.origin.col + s.width; c++) {
        const v = s.get(h, c);
        if (v === null || s.covered(h, c)) continue;
        const word = String(v);
        s.set(above + 1, c, f.variant === 1 ? word.replace("年度指标值", "指标值").replace("偏差原因分析", "偏差原因分析及改进措施") : f.variant === 2 ? word.replace(/(..)(指标)$/, "$1\n$2") : word);
      }
      return;
    }
    case "notes-below": {
      const last = s.snap.origin.row + s.values.length;
      const lines = ["注：1.偏差原因分析应说明未完成原因。2.得分保留两位小数。", "填表人：张三", "联系电话：0551-12345678", "审核人：李四", "填报日期：2023年3月1日"];
      lines.slice(0, f.lines).forEach((t, k) => s.set(last + 1 + k, s.snap.origin.col, t));
      return;
    }
    case "level1-word-lost": {
      const words = [...new Set(L().rows.map((r) => levelAt(s, r, L().level1)).filter((w) => w !== ""))];
      const word = words[f.group % Math.max(1, words.length)];
      // The category comes back from the second level: a family without one, or without weights, keeps its word.
      if (!word || /满意/.test(word) || L().level2 === null || L().weight === null) return;
      const rows = L().rows.filter((r) => levelAt(s, r, L().level1) === word);
      const points = rows.reduce((a, r) => a + Number(s.get(r, L().weight) ?? 0), 0);
      const pts = Number(points.toFixed(2));
      const label = f.style === "points-only" ? `（${pts}分）` : f.style === "broken-line" ? `${word}\n(${pts}分)` : `${word}(${pts}分)`;
      for (let r = L().headerRow + 1; r <= L().endRow; r++) if (s.get(r, L().level1) === word) s.set(r, L().level1, label);
      return;
    }
    case "target-sign-and-unit": {
      for (const r of L().rows) {
        const t = s.get(r, L().target);
        if (typeof t !== "string") continue;
        const m = /^([≥≤=＝])\s*(\d+(?:\.\d+)?)\s*[(（]%[)）]$/.exec(t);
        if (m) s.set(r, L().target, `${m[1]}${Number(m[2])}%(%)`);
      }
      return;
    }
    case "numbers-as-text": {
      const asText = (n: number) => {
        const t = Number.isInteger(n) ? String(n) : n.toFixed(2);
        if (f.style === "full-width") return t.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
        if (f.style === "spaced") return ` ${t} `;
        if (f.style === "apostrophe") return `'${t}`;
        return t;
      };
      for (const r of L().rows) {
        for (const c of [L().weight, L().score]) {
          const v = s.get(r, c);
          if (typeof v === "number") s.set(r, c, asText(v), "@");
        }
        const a = s.get(r, L().actual);
        if (typeof a === "string") {
          const m = /^(\d+(?:\.\d+)?)[(（]%[)）]$/.exec(a);
          if (m) s.set(r, L().actual, f.style === "full-width" ? `${asText(Number(m[1]))}％` : `${m[1]}%`);
        }
      }
      return;
    }
    case "percent-as-fraction": {
      for (const r of L().rows) {
        const a = s.get(r, L().actual);
        const m = typeof a === "string" ? /^(\d+(?:\.\d+)?)[(（]%[)）]$/.exec(a) : null;
        if (m) s.set(r, L().actual, Number((Number(m[1]) / 100).toFixed(6)), "0.00%");
      }
      return;
    }
    case "same-word-actual": {
      // A qualitative target met in full, its actual written as the target's own word (健全 → 健全, 已健全).
      for (const r of L().rows) {
        const t = s.get(r, L().target);
        const a = s.get(r, L().actual);
        if (typeof t !== "string" || typeof a !== "string" || !/^(达成|已达成|完成|已完成)(年度|预期)?(指标)?$/.test(a.trim())) continue;
        if (/\d|[≥≤<>=]/.test(t) || t.length > 8) continue;
        s.set(r, L().actual, f.style === "same" ? t : `已${t}`);
      }
      return;
    }
    case "accounting-format": {
      const fmt = ACCOUNTING_FORMATS[f.format % ACCOUNTING_FORMATS.length];
      for (const c of L().fundsCells) {
        const v = s.get(c.row, c.col);
        if (typeof v === "number" && !s.format(c.row, c.col).includes("%")) s.set(c.row, c.col, v, fmt);
      }
      return;
    }
  }
}

/** The first-level word of a row, carried down from the merge or the row above. */
function levelAt(s: Sheet, row: number, col: number): string {
  for (let r = row; r > s.layout.headerRow; r--) {
    const v = s.get(r, col);
    if (v !== null && !s.covered(r, col)) return String(v);
  }
  return "";
}

/** The form with the features applied, in order, and where each original indicator row went. */
export function asFilled(snap: SheetSnapshot, layout: TableLayout, features: readonly Feature[]): { snapshot: SheetSnapshot; rowOf: (originalRow: number) => number } {
  const s = new Sheet(snap, layout);
  for (const f of features) apply(s, f);
  const moved = new Map(layout.rows.map((r, k) => [r, s.layout.rows[k]]));
  return { snapshot: s.toSnapshot(), rowOf: (r) => moved.get(r) ?? r };
}

export const cellAt = (row: number, col: number) => toA1(row, col);

/** Any one feature, placed among a form's first `rows` indicator rows: what the properties draw from. */
export const feature = (rows: number): fc.Arbitrary<Feature> =>
  fc.oneof(
    fc.record({ kind: fc.constant("placeholder" as const), after: fc.nat(rows - 1), label: fc.constantFrom(...PLACEHOLDER_LABELS) }),
    fc.record({
      kind: fc.constant("not-applicable" as const),
      after: fc.nat(rows - 1),
      name: fc.constantFrom("指标3：", "其他", "安全事故发生率", "指标4:"),
      target: fc.constantFrom(...NA_WORDS),
      actual: fc.constantFrom(...NA_WORDS),
    }),
    fc.record({ kind: fc.constant("empty-rows" as const), after: fc.nat(rows - 1), count: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant("empty-group" as const), after: fc.nat(rows - 1), level2: fc.constantFrom(...UNUSED_GROUPS), blanks: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant("repeated-header" as const), after: fc.nat(rows - 1), variant: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant("notes-below" as const), lines: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant("level1-word-lost" as const), group: fc.nat(3), style: fc.constantFrom("points-only" as const, "broken-line" as const, "ascii-brackets" as const) }),
    fc.constant({ kind: "target-sign-and-unit" as const }),
    fc.record({ kind: fc.constant("numbers-as-text" as const), style: fc.constantFrom("plain" as const, "full-width" as const, "spaced" as const, "apostrophe" as const) }),
    fc.constant({ kind: "percent-as-fraction" as const }),
    fc.record({ kind: fc.constant("accounting-format" as const), format: fc.nat(ACCOUNTING_FORMATS.length - 1) }),
    fc.record({ kind: fc.constant("same-word-actual" as const), style: fc.constantFrom("same" as const, "already" as const) }),
  );
