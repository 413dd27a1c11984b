/**
 * Filling (RULES §5, §7): scores, total, grade and computed funds cells go into empty cells only;
 * empty reason cells get a draft — the facts after 【待补充原因】; never a formula or a typed value;
 * running it twice changes nothing the second time.
 */
import fc from "fast-check";
import { analyzeSheet } from "../../../src/core/engine";
import { applyWrites, draftReason, planFill } from "../../../src/core/fill";
import { DRAFT_MARKER } from "../../../src/core/scoring/evaluate";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { buildSelfEval, type IndicatorSpec, type SelfEvalSpec } from "../../builders/selfEval";
import { formulaAt, indicatorsWith, plainSpec, run, runLegacy, runTargets, setCell, single, targets2024, valueAt, withCode } from "../rules/support";

describe("draftReason", () => {
  test("a quantitative target not met: target, actual, completion, points deducted", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null } }) }));
    const d = draftReason(result.evaluations[0]);
    expect(d.startsWith(DRAFT_MARKER)).toBe(true);
    expect(DRAFT_MARKER).toBe("【待补充原因】");
    expect(d).toContain("目标 ≥25.00(项)，实际 20.00(项)");
    expect(d).toContain("完成率 80.00%");
    expect(d).toContain("得分 16.00（分值 20.00，扣 4.00 分）");
  });

  test("lower is better: completion is target / actual (2 / 2.5 = 80%)", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "2.50(小时)", score: null } }) }));
    const d = draftReason(result.evaluations[2]);
    expect(d).toContain("目标 ≤2.00(小时)，实际 2.50(小时)");
    expect(d).toContain("完成率 80.00%");
    expect(d).toContain("扣 2.00 分");
  });

  test("a qualitative tier", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "部分达成指标并具有一定效果", score: null } }) }));
    const d = draftReason(result.evaluations[3]);
    expect(d.startsWith(DRAFT_MARKER)).toBe(true);
    expect(d).toContain("部分达成指标并具有一定效果");
    expect(d).toContain("得分 16.00（分值 20.00，扣 4.00 分）");
  });

  test("a person's own deduction on a met target", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 18 } }) }));
    const d = draftReason(result.evaluations[0]);
    expect(d).toContain("得分 18.00（分值 20.00，扣 2.00 分）");
    expect(d).toContain("完成率 120.00%");
  });
});

describe("planFill writes", () => {
  test("a blank score gets its suggestion, a blank reason a draft that still counts as missing", () => {
    const { snap } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null } }), total: null, grade: null }));
    const { plan, after } = planFill(snap);
    const byCell = new Map(plan.writes.map((w) => [w.cell, w]));
    expect(byCell.get("G13")).toMatchObject({ value: 16, purpose: "score" });
    expect(byCell.get("G19")).toMatchObject({ value: 95.85, purpose: "total" }); // 9.85 + 16 + 70
    expect(byCell.get("F20")).toMatchObject({ value: "优", purpose: "grade" });
    const draft = byCell.get("H13")!;
    expect(draft.purpose).toBe("draft");
    expect(String(draft.value)).toContain(DRAFT_MARKER);
    expect(String(draft.value)).toContain("实际 20.00(项)");
    expect(plan.writes).toHaveLength(4);
    // After filling, the only error left is the explanation a person must still write.
    expect(after.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`)).toEqual(["missing-explanation@H13"]);
    expect(single(after, "missing-explanation").message.zh).toContain("草稿");
    // And the mark on it clears itself once a reason without the marker is typed in.
    expect(plan.marks.find((m) => m.cell === "H13")?.condition).toBe("blank-or-draft");
  });

  test("blank budget figures are filled by the rounding setting: 81.15 / 8.11 cut, 81.16 / 8.12 half-up", () => {
    const blank = null as unknown as number;
    const { snap } = run(plainSpec({ funds: { initial: 11962.44, budget: 11962.44, executed: 9708.37, rate: blank, score: blank }, total: null }));
    const cut = new Map(planFill(snap).plan.writes.map((w) => [w.cell, w.value]));
    expect(cut.get("G6")).toBe(81.15);
    expect(cut.get("H6")).toBe(8.11);
    expect(cut.get("G19")).toBe(98.11);
    const half = new Map(planFill(snap, { rounding: "half-up" }).plan.writes.map((w) => [w.cell, w.value]));
    expect(half.get("G6")).toBe(81.16);
    expect(half.get("H6")).toBe(8.12);
    expect(half.get("G19")).toBe(98.12);
  });

  test("legacy: a blank 合计 and 绩效等级 are filled, scores are a person's", () => {
    const { snap } = runLegacy({ totalScore: null, grade: null });
    const { plan } = planFill(snap);
    expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([
      ["E29", 91],
      ["B8", "优秀"],
    ]);
  });

  test("target forms are never written", () => {
    expect(planFill(runTargets("2024", targets2024()).snap).plan.writes).toEqual([]);
  });

  test("a complete form: nothing to write", () => {
    expect(planFill(run(plainSpec()).snap).plan.writes).toEqual([]);
  });
});

describe("planFill never writes into a non-empty cell or a formula cell", () => {
  const spec = plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null } }), total: null, grade: null });

  test("a score cell holding a formula whose cached result is an empty string", () => {
    const built = buildSelfEval(spec);
    built.builder.set(13, 7, "", { formula: '=IF(E13="","",F13*0.8)', format: "0.00" });
    const snap = built.builder.toSnapshot();
    const { plan } = planFill(snap);
    expect(plan.writes.map((w) => w.cell)).not.toContain("G13");
    expect(formulaAt(applyWrites(snap, plan.writes), "G13")).toBe('=IF(E13="","",F13*0.8)');
  });

  test.each<[string, string, string | number]>([
    ["a score typed as text", "G13", "待定"],
    ["a wrong total typed by a person", "G19", 99],
    ["a wrong grade typed by a person", "F20", "良"],
    ["a reason typed by a person", "H13", "人员不足"],
  ])("%s", (_label, cell, value) => {
    const snap = setCell(run(spec).snap, cell, value);
    const { plan } = planFill(snap);
    expect(plan.writes.map((w) => w.cell)).not.toContain(cell);
    expect(valueAt(applyWrites(snap, plan.writes), cell)).toBe(value);
  });

  test.each<[string, string]>([
    ["the reason cell", "H13"],
    ["the total", "G19"],
    ["the grade", "F20"],
    ["the budget score", "H6"],
    ["the budget rate", "G6"],
  ])("%s holding a formula with an empty cached result", (_label, cell) => {
    let snap = run(spec).snap;
    if (cell === "H6" || cell === "G6") snap = setCell(snap, cell, null);
    snap = setCell(snap, cell, "", { formula: "=IF(1,\"\",0)" });
    const { plan } = planFill(snap);
    expect(plan.writes.map((w) => w.cell)).not.toContain(cell);
  });
});

// Regression test (fixed in src/core/numbers.ts readNumber + src/core/fill.ts fillWrites): placeholders such as
// "-", "—", "/", "无" read as empty, so filling overwrites a score or total a person typed as "-".
// RULES §7: "fill only empty … cells; never overwrite … a value the user typed".
test("a score or total typed as \"-\" is not overwritten", () => {
  let snap = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", reason: "x" } }) })).snap;
  snap = setCell(snap, "G13", "-");
  snap = setCell(snap, "G19", "—");
  const cells = planFill(snap).plan.writes.map((w) => w.cell);
  expect(cells).not.toContain("G13");
  expect(cells).not.toContain("G19");
});

// ENGINE (doubtful): SheetSnapshot.protected is documented as "the sheet is protected: nothing may be
// written" (src/core/snapshot.ts), but fillWrites (src/core/fill.ts) ignores it and plans writes.
test("a protected sheet gets no writes planned", () => {
  const snap: SheetSnapshot = { ...run(plainSpec({ total: null, grade: null })).snap, protected: true };
  expect(planFill(snap).plan.writes).toEqual([]);
});

describe("filling is idempotent and only touches empty cells (property)", () => {
  /**
   * A consistent form built by hand: each variable row is either met and scored in full, or missed
   * and scored at its suggestion — row 13: 30 项 → 20, or 20 项 → 16; row 16: 达成 → 20, or
   * 部分达成 → 16; row 18: 95% → 10, or 85% → 10 × 85/90 = 9.44. Total 9.85 + the scores (≥ 91.29: 优).
   */
  const VARIANTS: Array<[Partial<IndicatorSpec>, Partial<IndicatorSpec>]> = [
    [{ actual: "30.00(项)", score: 20 }, { actual: "20.00(项)", score: 16 }],
    [{}, {}],
    [{}, {}],
    [{ actual: "达成指标", score: 20 }, { actual: "部分达成指标并具有一定效果", score: 16 }],
    [{}, {}],
    [{ actual: "95.00(%)", score: 10 }, { actual: "85.00(%)", score: 9.44 }],
  ];

  const arb = fc.record({
    missed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    blankScore: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    reason: fc.array(fc.constantFrom("none", "typed", "draft"), { minLength: 6, maxLength: 6 }),
    blankTotal: fc.boolean(),
    blankGrade: fc.boolean(),
    blankRate: fc.boolean(),
    blankBudgetScore: fc.boolean(),
    rounding: fc.constantFrom<"truncate" | "half-up" | "up">("truncate", "half-up", "up"),
  });

  type Case = typeof arb extends fc.Arbitrary<infer T> ? T : never;

  /** Rows 13, 16 and 18 have a missed variant; the others are always met. */
  const VARIABLE = [0, 3, 5];
  const missedRow = (c: Case, i: number) => c.missed[i] && VARIABLE.includes(i);

  function build(c: Case) {
    const full = indicatorsWith(Object.fromEntries(VARIANTS.map((v, i) => [i, v[missedRow(c, i) ? 1 : 0]])));
    const scores = full.map((ind) => ind.score as number);
    const total = Math.round((9.85 + scores.reduce((a, b) => a + b, 0)) * 100) / 100;
    const inds = full.map((ind, i) => ({
      ...ind,
      score: c.blankScore[i] ? null : ind.score,
      reason: c.reason[i] === "typed" ? "人员不足，已整改" : c.reason[i] === "draft" ? `${DRAFT_MARKER}目标未达成` : undefined,
    }));
    const blank = null as unknown as number;
    const spec: SelfEvalSpec = plainSpec({
      indicators: inds,
      funds: { initial: 100, budget: 100, executed: 98.5, rate: c.blankRate ? blank : 98.5, score: c.blankBudgetScore ? blank : 9.85 },
      total: c.blankTotal ? null : total,
      grade: c.blankGrade ? null : "优",
    });
    const built = buildSelfEval(spec);
    return { built, snap: built.builder.toSnapshot(), scores, total };
  }

  const isEmptyCell = (s: SheetSnapshot, a1: string) => {
    const v = valueAt(s, a1);
    return (v === null || (typeof v === "string" && v.trim() === "")) && formulaAt(s, a1) === null;
  };

  test("writes go to empty cells only, a second run writes nothing, and the filled figures are the hand-computed ones", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { built, snap, scores, total } = build(c);
        const settings = { rounding: c.rounding };
        const { plan } = planFill(snap, settings);
        for (const w of plan.writes) expect(isEmptyCell(snap, w.cell)).toBe(true);
        const filled = applyWrites(snap, plan.writes);
        expect(planFill(filled, settings).plan.writes).toEqual([]);

        // Every blanked figure now holds the value the form had before it was blanked (98.5 / 9.85
        // are exact in every rounding mode; the scores are exact except 9.44, which is a cut).
        const roundsUp = c.rounding === "up"; // 9.444… is 9.44 cut or half-up, 9.45 up
        scores.forEach((s, i) => {
          if (!c.blankScore[i]) return;
          const want = s === 9.44 && roundsUp ? 9.45 : s;
          expect(valueAt(filled, built.cell(i, "score"))).toBe(want);
        });
        if (c.blankRate) expect(valueAt(filled, built.budgetRateCell)).toBe(98.5);
        if (c.blankBudgetScore) expect(valueAt(filled, built.budgetScoreCell)).toBe(9.85);
        const filledSum = Math.round(
          (9.85 + scores.reduce((a, s, i) => a + (c.blankScore[i] && s === 9.44 && roundsUp ? 9.45 : s), 0)) * 100,
        ) / 100;
        if (c.blankTotal) expect(valueAt(filled, built.totalCell)).toBe(filledSum);
        if (c.blankGrade) expect(valueAt(filled, built.gradeCell)).toBe("优");
        void total;

        // Reasons: drafts only where a row needs one and the cell was empty; typed reasons untouched.
        c.reason.forEach((r, i) => {
          const cell = built.cell(i, "reason");
          const v = valueAt(filled, cell);
          if (r === "typed") expect(v).toBe("人员不足，已整改");
          else if (r === "draft") expect(v).toBe(`${DRAFT_MARKER}目标未达成`);
          else if (missedRow(c, i)) expect(String(v)).toContain(DRAFT_MARKER);
          else expect(v).toBeNull();
        });

        // After filling nothing is left blank: no missing-score, and the only errors are explanations
        // still to be written by a person (every missed row without a typed reason).
        const after = analyzeSheet(filled, settings);
        expect(withCode(after, "missing-score")).toEqual([]);
        const wantErrors = c.missed.map((_m, i) => (missedRow(c, i) && c.reason[i] !== "typed" ? `missing-explanation@${built.cell(i, "reason")}` : null)).filter(Boolean);
        const stillWrong = after.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);
        if (!c.blankTotal && roundsUp && c.blankScore[5] && missedRow(c, 5)) {
          // The typed total was made with the cut 9.44; rounding up suggests 9.45, so the total is off by a cent.
          expect(stillWrong).toContain(`total-mismatch@${built.totalCell}`);
        } else {
          expect(stillWrong.sort()).toEqual((wantErrors as string[]).sort());
        }
      }),
      { numRuns: 120 },
    );
  });

  test("formula cells with empty cached results are never written, whatever else is blank", () => {
    const targets = ["score", "reason"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom(...targets), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (formulaRow, which, totalFormula, gradeFormula) => {
          const inds = indicatorsWith({ 0: { actual: "20.00(项)", score: null }, 3: { actual: "部分达成", score: null } });
          const built = buildSelfEval(plainSpec({ indicators: inds, total: null, grade: null }));
          const formulaCells: string[] = [];
          formulaRow.forEach((on, i) => {
            if (!on) return;
            const col = built.col[which[i]];
            built.builder.set(built.rowOf(i), col, "", { formula: `=IF(A1="x",1,"")` });
            formulaCells.push(built.cell(i, which[i]));
          });
          const [tr, tc] = [Number(/\d+/.exec(built.totalCell)![0]), built.col.score];
          if (totalFormula) {
            built.builder.set(tr, tc, "", { formula: '=IF(A1="x",1,"")' });
            formulaCells.push(built.totalCell);
          }
          if (gradeFormula) {
            built.builder.set(tr + 1, built.col.weight, "", { formula: '=IF(A1="x","优","")' });
            formulaCells.push(built.gradeCell);
          }
          const snap = built.builder.toSnapshot();
          const { plan } = planFill(snap);
          const written = new Set(plan.writes.map((w) => w.cell));
          for (const cell of formulaCells) expect(written.has(cell)).toBe(false);
          for (const w of plan.writes) expect(isEmptyCell(snap, w.cell)).toBe(true);
          expect(planFill(applyWrites(snap, plan.writes)).plan.writes).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("applyWrites and the fill's second reading", () => {
  test("the snapshot given is left as it was: the written rows are copies, the rows the recalculation writes too", () => {
    const built = run(plainSpec({ indicators: indicatorsWith({ 0: { score: null }, 2: { score: null } }) }));
    // A formula with no stored result: the recalculation writes its value into its copy of the row.
    const snap = setCell(built.snap, built.built.totalCell, null, { formula: "=1+2" });
    const before = structuredClone(snap);
    const { plan, after } = planFill(snap);
    expect(plan.writes.length).toBeGreaterThan(0);
    const applied = applyWrites(snap, plan.writes);
    for (const w of plan.writes) expect(valueAt(applied, w.cell)).toEqual(w.value);
    // A grid row past the snapshot's end (a write below it) is made in the copy only.
    const below = applyWrites(snap, [{ cell: `A${snap.origin.row + snap.values.length + 2}`, value: "x", purpose: "draft" } as (typeof plan.writes)[number]]);
    expect(below.values.length).toBe(snap.values.length + 3);
    expect(snap).toEqual(before);
    // The copy read as the filled sheet reads (its formulas recalculated) changes nothing of it either.
    analyzeSheet({ ...applied, recalculatesOnLoad: true });
    expect(snap).toEqual(before);
    expect(after.figures).not.toBeNull();
  });

  test("applyWrites is a copy written as the writes say, every grid padded alike, whichever rows and grids it copies (property)", () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 99 }), fc.constantFrom("a", "说明", ""));
    const line = fc.array(value, { maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 5 }),
        fc.array(fc.record({ row: fc.integer({ min: 1, max: 8 }), col: fc.integer({ min: 1, max: 7 }), value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom("【待补充原因】x", "y")), fmt: fc.constantFrom(undefined, "0.00", "0%") }), { maxLength: 12 }),
        (rows, ws) => {
          const snap: SheetSnapshot = {
            name: "S",
            origin: { row: 2, col: 1 },
            values: rows.map((r) => [...r]),
            text: rows.map((r) => r.map((v) => (v === null ? "" : String(v)))),
            numberFormats: rows.map((r) => r.map(() => "General")),
            formulas: rows.map((r) => r.map((v) => (typeof v === "number" && v > 50 ? "=1+1" : null))),
            merges: [],
          };
          const writes = ws.map((w) => ({ cell: `${String.fromCharCode(64 + w.col)}${w.row}`, value: w.value, purpose: "score" as const, ...(w.fmt ? { numberFormat: w.fmt } : {}) }));
          const before = structuredClone(snap);
          // The reference: every grid copied whole, each write's row in all four padded to its cell.
          const ref = structuredClone(snap);
          const grids = [ref.values, ref.text, ref.numberFormats, ref.formulas] as unknown[][][];
          const fillers = [null, "", "General", null];
          for (const w of ws) {
            const i = w.row - 2;
            const j = w.col - 1;
            if (i < 0) continue;
            grids.forEach((g, k) => {
              while (g.length <= i) g.push([]);
              while (g[i].length <= j) g[i].push(fillers[k]);
            });
            ref.values[i][j] = w.value;
            ref.text[i][j] = typeof w.value === "number" ? w.value.toFixed(2) : w.value;
            if (w.fmt) ref.numberFormats[i][j] = w.fmt;
          }
          const applied = applyWrites(snap, writes as Parameters<typeof applyWrites>[1]);
          expect(snap).toEqual(before);
          expect({ values: applied.values, text: applied.text, numberFormats: applied.numberFormats, formulas: applied.formulas }).toEqual({
            values: ref.values,
            text: ref.text,
            numberFormats: ref.numberFormats,
            formulas: ref.formulas,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
