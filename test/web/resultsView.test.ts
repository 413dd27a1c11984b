/** The reviewer's table: filter, sort, pages and the glance, over rows as summaryRows makes them. */
import fc from "fast-check";
import type { SummaryRow } from "../../src/core/summaryRows";
import { filterRows, glanceOf, pageOf, sortRows, type SortKey } from "../../src/web/resultsView";

const none = { stated: null, computed: null };
function row(over: Partial<SummaryRow> & { file: string }): SummaryRow {
  return {
    sheet: "自评表",
    kind: { zh: "财政项目支出绩效自评表", en: "project performance self-evaluation" },
    projectName: "",
    who: "",
    rate: null,
    budgetScore: none,
    total: none,
    grade: none,
    errors: 0,
    warnings: 0,
    status: "ready",
    message: { zh: "", en: "" },
    findings: [],
    result: {} as SummaryRow["result"],
    ...over,
  };
}

const ROWS = [
  row({ file: "a.xlsx", projectName: "政务云运维", who: "某某局 / 大数据中心", total: { stated: 92.61, computed: 91.61 }, grade: { stated: "优", computed: "优" }, errors: 1, status: "needs-work" }),
  row({ file: "b.xlsx", projectName: "门户网站", total: { stated: null, computed: 78.5 }, grade: { stated: null, computed: "中" } }),
  row({ file: "c.xlsx", status: "unreadable", result: null, errors: null, warnings: null, sheet: "" }),
  row({ file: "d.xlsx", projectName: "职业技能培训", total: { stated: 85, computed: 85 }, grade: { stated: "良", computed: "良" }, rate: 98.5 }),
];

test("filter by 结论 and by any text the row shows, full-width and spaces aside", () => {
  expect(filterRows(ROWS, "needs-work", "").map((r) => r.file)).toEqual(["a.xlsx"]);
  expect(filterRows(ROWS, "all", "门户").map((r) => r.file)).toEqual(["b.xlsx"]);
  expect(filterRows(ROWS, "all", "大数据 中心").map((r) => r.file)).toEqual(["a.xlsx"]);
  expect(filterRows(ROWS, "all", "Ｄ．ＸＬＳＸ").map((r) => r.file)).toEqual(["d.xlsx"]);
  expect(filterRows(ROWS, "ready", "政务").map((r) => r.file)).toEqual([]);
});

test("sort by a figure: the form's own figure, else the computed one; rows without one last either way", () => {
  expect(sortRows(ROWS, { key: "total", dir: "desc" }).map((r) => r.file)).toEqual(["a.xlsx", "d.xlsx", "b.xlsx", "c.xlsx"]);
  expect(sortRows(ROWS, { key: "total", dir: "asc" }).map((r) => r.file)).toEqual(["b.xlsx", "d.xlsx", "a.xlsx", "c.xlsx"]);
  expect(sortRows(ROWS, { key: "grade", dir: "asc" }).map((r) => r.file)).toEqual(["a.xlsx", "d.xlsx", "b.xlsx", "c.xlsx"]);
  expect(sortRows(ROWS, { key: "status", dir: "asc" }).map((r) => r.file)).toEqual(["c.xlsx", "a.xlsx", "b.xlsx", "d.xlsx"]);
  expect(sortRows(ROWS, null).map((r) => r.file)).toEqual(ROWS.map((r) => r.file));
});

test("sorting is a permutation, stable, and the reverse order reverses the rows that have values", () => {
  const keys: SortKey[] = ["file", "project", "rate", "budgetScore", "total", "grade", "errors", "warnings", "status"];
  const gen = fc.array(
    fc.record({ t: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), e: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }) }),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(gen, fc.constantFrom(...keys), (specs, key) => {
      const rows = specs.map((s, i) => row({ file: `${String(i).padStart(2, "0")}.xlsx`, total: { stated: s.t, computed: null }, errors: s.e }));
      const asc = sortRows(rows, { key, dir: "asc" });
      const desc = sortRows(rows, { key, dir: "desc" });
      expect([...asc].sort((a, b) => a.file.localeCompare(b.file))).toEqual(rows);
      expect(desc.length).toBe(rows.length);
      if (key === "total") {
        const valued = asc.filter((r) => r.total.stated !== null).map((r) => r.total.stated);
        expect(valued).toEqual([...valued].sort((a, b) => a! - b!));
        expect(asc.slice(valued.length).every((r) => r.total.stated === null)).toBe(true);
      }
    }),
  );
});

test("pages of 50: the last page holds the rest; a page past the end shows the last", () => {
  const many = Array.from({ length: 123 }, (_, i) => i);
  expect(pageOf(many, 0)).toMatchObject({ page: 0, pages: 3 });
  expect(pageOf(many, 2).rows).toEqual(many.slice(100));
  expect(pageOf(many, 9).page).toBe(2);
  expect(pageOf([], 0)).toEqual({ rows: [], page: 0, pages: 1 });
});

test("the batch at a glance: 结论 counts, grades, and the spread of totals", () => {
  const g = glanceOf(ROWS);
  expect(g.forms).toBe(3);
  expect(g.byStatus).toEqual({ ready: 2, "needs-work": 1, unreadable: 1, "no-form": 0 });
  expect(g.byGrade).toEqual([
    { grade: "优", n: 1 },
    { grade: "良", n: 1 },
    { grade: "中", n: 1 },
  ]);
  expect(g.totals).toMatchObject({ n: 3, min: 78.5, median: 85, max: 92.61 });
  expect(g.totals.bins).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
});
