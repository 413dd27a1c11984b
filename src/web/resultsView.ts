// What the reviewer's table shows of the rows: filtered by 结论 and by text, sorted by a column, a page
// at a time; and the batch at a glance. Pure: the table component only renders what these return.
import type { RowStatus, SummaryRow } from "../core/summaryRows";
import type { Figure } from "../core/shownFigures";
import { headerKey } from "../core/text";

export type StatusFilter = "all" | RowStatus;
export type SortKey = "file" | "project" | "rate" | "budgetScore" | "total" | "grade" | "errors" | "warnings" | "status";
export interface SortOrder {
  key: SortKey;
  dir: "asc" | "desc";
}

/** A figure as a number to sort by: the form's own, else the computed one. */
const value = (f: Figure<number>) => f.stated ?? f.computed;
const GRADE_ORDER: Record<string, number> = { 优: 0, 优秀: 0, 良: 1, 良好: 1, 中: 2, 合格: 2, 差: 3, 不合格: 3 };
const STATUS_ORDER: Record<RowStatus, number> = { unreadable: 0, "needs-work": 1, ready: 2, "no-form": 3 };

function sortValue(r: SummaryRow, key: SortKey): number | string | null {
  switch (key) {
    case "file":
      return `${r.file}\u0000${r.sheet}`;
    case "project":
      return r.projectName || null;
    case "rate":
      return r.rate;
    case "budgetScore":
      return value(r.budgetScore);
    case "total":
      return value(r.total);
    case "grade": {
      const g = r.grade.stated ?? r.grade.computed;
      return g === null ? null : (GRADE_ORDER[g] ?? 9);
    }
    case "errors":
      return r.errors;
    case "warnings":
      return r.warnings;
    case "status":
      return STATUS_ORDER[r.status];
  }
}

/** The text a row is found by: file, sheet, project, department and unit, its kind. */
const haystack = (r: SummaryRow) => headerKey(`${r.file} ${r.sheet} ${r.projectName} ${r.who} ${r.kind.zh} ${r.kind.en}`).toLowerCase();

export function filterRows(rows: readonly SummaryRow[], status: StatusFilter, text: string): SummaryRow[] {
  const needle = headerKey(text).toLowerCase();
  return rows.filter((r) => (status === "all" || r.status === status) && (needle === "" || haystack(r).includes(needle)));
}

/** Sorted by one column; rows without a value last whichever way; ties keep their order (file order). */
export function sortRows(rows: readonly SummaryRow[], order: SortOrder | null): SummaryRow[] {
  if (!order) return [...rows];
  const sign = order.dir === "asc" ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: sortValue(r, order.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : String(a.v).localeCompare(String(b.v), "zh-CN");
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.r);
}

const PAGE_SIZE = 50;

/** One page of the rows (pages count from 0; a page past the end shows the last). */
export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(p * size, (p + 1) * size), page: p, pages };
}

export interface Glance {
  forms: number;
  byStatus: Record<RowStatus, number>;
  /** Grades as the form states them, else as computed; "" for forms without one. */
  byGrade: Array<{ grade: string; n: number }>;
  /** The totals (the form's own, else computed): how many, the least, the median, the most, and ten-point bins from 0 to 100. */
  totals: { n: number; min: number | null; median: number | null; max: number | null; bins: number[] };
}

export function glanceOf(rows: readonly SummaryRow[]): Glance {
  const byStatus: Record<RowStatus, number> = { ready: 0, "needs-work": 0, unreadable: 0, "no-form": 0 };
  const grades = new Map<string, number>();
  const totals: number[] = [];
  for (const r of rows) {
    byStatus[r.status]++;
    if (!r.result) continue;
    const g = r.grade.stated ?? r.grade.computed;
    if (g !== null) grades.set(g, (grades.get(g) ?? 0) + 1);
    const t = value(r.total);
    if (t !== null && Number.isFinite(t)) totals.push(t);
  }
  totals.sort((a, b) => a - b);
  const bins = new Array<number>(10).fill(0);
  for (const t of totals) bins[Math.min(9, Math.max(0, Math.floor(t / 10)))]++;
  const mid = totals.length === 0 ? null : totals.length % 2 ? totals[(totals.length - 1) / 2] : (totals[totals.length / 2 - 1] + totals[totals.length / 2]) / 2;
  return {
    forms: rows.filter((r) => r.result).length,
    byStatus,
    byGrade: [...grades].map(([grade, n]) => ({ grade, n })).sort((a, b) => (GRADE_ORDER[a.grade] ?? 9) - (GRADE_ORDER[b.grade] ?? 9) || a.grade.localeCompare(b.grade)),
    totals: { n: totals.length, min: totals[0] ?? null, median: mid, max: totals[totals.length - 1] ?? null, bins },
  };
}
