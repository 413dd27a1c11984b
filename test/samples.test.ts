import { analyzeSheet } from "../src/core/engine";
import { applyWrites, planFill } from "../src/core/fill";
import { parseA1 } from "../src/core/address";
import type { SheetSnapshot } from "../src/core/snapshot";
import { sampleSnapshots } from "./helpers";
import expected from "./fixtures/samples/expected.json";

interface ExpectedSheet {
  sheet: string;
  kind: string;
  findings: Array<{ code: string; severity: string; cell: string; beforeFill?: boolean }>;
  suggested?: Array<{ cell: string; min: number; max: number }>;
  blankTotal?: boolean;
  headerRow: number;
  firstIndicatorRow?: number;
  lastIndicatorRow?: number;
  totalCell?: string;
  gradeCell?: string;
  budgetScoreCell?: string;
  budgetScore?: number | null;
  total?: number | null;
  grade?: string | null;
}

const valueAt = (s: SheetSnapshot, a1: string) => {
  const { row, col } = parseA1(a1);
  return s.values[row - s.origin.row]?.[col - s.origin.col] ?? null;
};

describe.each(expected.map((f) => [f.file, f.sheets as ExpectedSheet[]] as const))("%s", (file, sheets) => {
  test.each(sheets.map((s) => [s.sheet, s] as const))("sheet %s reads as expected", async (name, exp) => {
    const snap = (await sampleSnapshots(file)).find((s) => s.name === name)!;
    expect(snap).toBeDefined();
    const r = analyzeSheet(snap);
    expect(r.kind).toBe(exp.kind);
    const form = r.form!;
    expect(form.headerRow).toBe(exp.headerRow);
    if (exp.firstIndicatorRow) expect(form.firstRow).toBe(exp.firstIndicatorRow);
    if (exp.lastIndicatorRow) expect(form.lastRow).toBe(exp.lastIndicatorRow);
    if (exp.totalCell) expect(form.total?.score?.address).toBe(exp.totalCell);
    if (exp.gradeCell) expect(form.grade?.address).toBe(exp.gradeCell);
    if (exp.budgetScoreCell && form.kind === "self-evaluation") expect(form.funds?.total.score?.address).toBe(exp.budgetScoreCell);
    if (exp.budgetScore !== undefined && exp.budgetScore !== null) expect(r.figures?.budget?.score).toBeCloseTo(exp.budgetScore, 10);
    if (exp.total !== undefined && exp.total !== null) expect(r.figures?.total).toBeCloseTo(exp.total, 10);
    if (exp.grade !== undefined && exp.grade !== null) expect(r.figures?.grade).toBe(exp.grade);

    // Exactly the expected errors: anything more is a false alarm (except on a blank total/grade).
    const tolerated = exp.blankTotal ? new Set([exp.totalCell, exp.gradeCell]) : new Set<string | undefined>();
    const errors = r.findings.filter((f) => f.severity === "error" && !tolerated.has(f.cell)).map((f) => `${f.code}@${f.cell}`);
    expect(errors.sort()).toEqual(exp.findings.map((f) => `${f.code}@${f.cell}`).sort());
    for (const f of r.findings) {
      expect(f.message.zh).not.toMatch(/object Object|undefined|NaN/);
      expect(f.message.en).not.toMatch(/object Object|undefined|NaN/);
    }
  });

  test.each(sheets.map((s) => [s.sheet, s] as const))("sheet %s after filling", async (name, exp) => {
    const snap = (await sampleSnapshots(file)).find((s) => s.name === name)!;
    const { plan, after } = planFill(snap);
    const filled = applyWrites(snap, plan.writes);
    for (const s of exp.suggested ?? []) {
      const v = valueAt(filled, s.cell);
      expect(typeof v).toBe("number");
      expect(v as number).toBeGreaterThanOrEqual(s.min);
      expect(v as number).toBeLessThanOrEqual(s.max);
    }
    const remaining = after.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);
    expect(remaining.sort()).toEqual(exp.findings.filter((f) => !f.beforeFill).map((f) => `${f.code}@${f.cell}`).sort());
    if (exp.blankTotal) {
      expect(valueAt(filled, exp.totalCell!)).toBe(after.figures!.total);
      expect(valueAt(filled, exp.gradeCell!)).toBe(after.figures!.grade);
    }
    // Filling the filled sheet writes nothing more.
    expect(planFill(filled).plan.writes).toEqual([]);
  });
});

test("the eight accepted 2023 forms reproduce their official totals with no error at all", async () => {
  const totals: number[] = [];
  for (const f of expected.filter((e) => e.file.startsWith("selfeval/"))) {
    const r = analyzeSheet((await sampleSnapshots(f.file))[0]);
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
    totals.push(r.figures!.total!);
  }
  expect(totals).toEqual([94.46, 91.61, 90.2, 92.86, 91.07, 92.24, 98.74, 94.61]);
});
