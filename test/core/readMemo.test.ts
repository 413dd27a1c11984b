// A fill reads a sheet twice, the second time (the sheet as it will read after its writes) through a
// memo of the first read's texts (src/core/values/readMemo.ts). Whatever the memo holds — the same
// form before its writes, or other forms altogether — a read through it is the read without it: held
// over forms as units fill them (test/generators/asFilled.ts) with scores erased for the fill to
// write, and over every sample.
import fc from "fast-check";
import { analyzeSheet, resultOf, ruleContextOf } from "../../src/core/engine";
import { applyWrites, fillWrites, planFill } from "../../src/core/fill";
import { Grid } from "../../src/core/grid";
import * as text from "../../src/core/text";
import type { SelfEvaluationForm } from "../../src/core/forms/model";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { ReadMemo } from "../../src/core/values/readMemo";
import { asFilled, feature, layoutOf, type TableLayout } from "../generators/asFilled";
import { sampleSheet } from "../helpers";

const FORMS = ["selfeval/yiwangtongban", "selfeval/zhengwuyun", "selfeval/guanlijingfei", "legacy/xuqiuce", "targets/menhu-2024", "targets/bangongting-2020"];
const bases = new Map<string, { snap: SheetSnapshot; layout: TableLayout }>();

beforeAll(async () => {
  for (const name of FORMS) {
    const snap = await sampleSheet(`${name}.xlsx`);
    bases.set(name, { snap, layout: layoutOf(snap, analyzeSheet(snap).form as SelfEvaluationForm) });
  }
});

/** The form with every other of its scores (a target declaration's targets) erased: what a fill writes. */
function erased(snap: SheetSnapshot, layout: TableLayout): SheetSnapshot {
  const col = layout.score ?? layout.target;
  if (col === null || col === undefined) return snap;
  const s = { ...snap, values: snap.values.map((r) => [...r]), text: snap.text.map((r) => [...r]) };
  layout.rows.forEach((r, k) => {
    if (k % 2 === 1) return;
    s.values[r - s.origin.row][col - s.origin.col] = null;
    s.text[r - s.origin.row][col - s.origin.col] = "";
  });
  return s;
}

test("a read through a memo of any earlier reads is the read without it", () => {
  fc.assert(
    fc.property(fc.constantFrom(...FORMS), fc.array(feature(10), { maxLength: 6 }), fc.array(fc.constantFrom(...FORMS), { maxLength: 2 }), (name, features, others) => {
      const base = bases.get(name)!;
      const before = erased(asFilled(base.snap, base.layout, features).snapshot, base.layout);
      const memo = new ReadMemo();
      for (const o of others) ruleContextOf(bases.get(o)!.snap, undefined, memo);
      const first = ruleContextOf(before, undefined, memo);
      expect(resultOf(first)).toEqual(analyzeSheet(before));
      // The sheet as the fill will leave it, read through the memo of the sheet before (and the sheet before again).
      memo.serve();
      const writes = fillWrites(resultOf(first));
      const after = { ...applyWrites(before, writes), recalculatesOnLoad: true };
      expect(resultOf(ruleContextOf(after, undefined, memo))).toEqual(analyzeSheet(after));
      expect(resultOf(ruleContextOf(before, undefined, memo))).toEqual(analyzeSheet(before));
    }),
    { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 200) },
  );
});

test("a fill's plan and its result are those made with a memo that keeps nothing", () => {
  let written = 0;
  for (const name of FORMS) {
    const base = bases.get(name)!;
    const before = erased(base.snap, base.layout);
    const withMemo = planFill(before);
    if (withMemo.plan.writes.length > 0) written++;
    const spies = [
      jest.spyOn(ReadMemo.prototype, "reading").mockImplementation((raw, unit, tiers, read) => read(raw, unit, tiers)),
      jest.spyOn(ReadMemo.prototype, "gridBefore").mockReturnValue(undefined),
    ];
    try {
      expect(withMemo).toEqual(planFill(before));
    } finally {
      for (const s of spies) s.mockRestore();
    }
  }
  expect(written).toBeGreaterThanOrEqual(3);
});

test("the first read records and reads every cell; the second is given the readings, frozen, by text, unit and kind", () => {
  const memo = new ReadMemo();
  let reads = 0;
  const q = () => {
    reads++;
    return { kind: "quantity" as const, op: ">=" as const, value: 95, unit: "%", text: "≥95%" };
  };
  memo.reading("≥95%", undefined, false, q);
  memo.reading("≥95%", undefined, false, q);
  expect(reads).toBe(2);
  memo.serve();
  const a = memo.reading("≥95%", undefined, false, q);
  const b = memo.reading("≥95%", undefined, false, () => ({ kind: "empty" }));
  expect(reads).toBe(2);
  expect(b).toBe(a);
  expect(a).toEqual(q());
  expect(Object.isFrozen(a)).toBe(true);
  expect(memo.reading("≥95%", "%", false, () => ({ kind: "empty" }))).toEqual({ kind: "empty" });
  expect(memo.reading("≥95%", undefined, true, () => ({ kind: "empty" }))).toEqual({ kind: "empty" });
});

test("a fill's second read is given the first read's readings: of the texts it did not write, none is read again", () => {
  const base = bases.get("selfeval/yiwangtongban")!;
  const before = erased(base.snap, base.layout);
  const real = ReadMemo.prototype.reading;
  let asked = 0;
  let read = 0;
  const spy = jest.spyOn(ReadMemo.prototype, "reading").mockImplementation(function (this: ReadMemo, raw, unit, tiers, make) {
    asked++;
    return real.call(this, raw, unit, tiers, (r, u, t) => {
      read++;
      return make(r, u, t);
    });
  });
  try {
    const { plan } = planFill(before);
    expect(plan.writes.length).toBeGreaterThan(0);
  } finally {
    spy.mockRestore();
  }
  // Both reads ask for every target and actual; only the first reads them (the fill writes scores, not these).
  expect(asked).toBeGreaterThan(0);
  expect(read).toBe(asked / 2);
});

describe("the second read's grid takes the first's merged areas and header keys", () => {
  // Texts that key alike and apart (spaces, full-width forms, header words), numbers shown otherwise.
  const WORDS = ["一级指标", " 一级 指标 ", "二级指标", "三级指标", "得分", "分值", "指标值", "ｘ", "x", "评分等级", "总分", ""];
  const cell = fc.oneof(
    fc.constantFrom(...WORDS).map((t) => ({ value: t === "" ? null : t, text: t })),
    fc.integer({ min: 0, max: 100 }).map((n) => ({ value: n, text: String(n) })),
    fc.integer({ min: 0, max: 100 }).map((n) => ({ value: n, text: `${n}.0` })),
  );
  const sheet = fc.record({
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    merges: fc.constantFrom([], ["A1:B1"], ["B2:C3", "A5:A6"], ["D1:E2"]),
  });
  const snapOf = (rows: Array<Array<{ value: string | number | null; text: string }>>, merges: readonly string[]): SheetSnapshot => ({
    name: "S",
    origin: { row: 1, col: 1 },
    values: rows.map((r) => r.map((c) => c.value)),
    text: rows.map((r) => r.map((c) => c.text)),
    numberFormats: rows.map((r) => r.map(() => "General")),
    formulas: rows.map((r) => r.map(() => null)),
    merges: [...merges],
  });
  const keysOf = (g: Grid, rows: number, cols: number) => {
    const out: string[] = [];
    for (let r = 1; r <= rows + 1; r++) for (let c = 1; c <= cols + 1; c++) out.push(g.key(r, c), g.key(r, c, false));
    return out;
  };

  test("keys as a grid made afresh gives them, whatever cells the writes changed and whichever keys were asked before", () => {
    let reused = 0;
    fc.assert(
      fc.property(sheet, fc.array(fc.tuple(fc.nat(), fc.nat(), cell), { maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat())), fc.boolean(), sheet, ({ rows, merges }, writes, asked, sameMerges, other) => {
        const width = Math.max(...rows.map((r) => r.length));
        const before = snapOf(rows, merges);
        const memo = new ReadMemo();
        const first = new Grid(before, memo);
        for (const [r, c] of asked) first.key(1 + (r % rows.length), 1 + (c % width));
        // The writes: cells of the same extent changed (rows copied, as applyWrites copies them).
        const after: SheetSnapshot = { ...before, values: before.values.map((l) => [...l]), text: before.text.map((l) => [...l]), merges: sameMerges ? before.merges : [...other.merges] };
        for (const [r, c, v] of writes) {
          const i = r % rows.length;
          const j = c % rows[i].length;
          after.values[i][j] = v.value;
          after.text[i][j] = v.text;
        }
        memo.serve();
        const second = new Grid(after, memo);
        if (sameMerges) reused++;
        expect(keysOf(second, rows.length, width)).toEqual(keysOf(new Grid(after), rows.length, width));
        expect(second.merges).toEqual(new Grid(after).merges);
      }),
      { numRuns: 1500 },
    );
    expect(reused).toBeGreaterThan(500);
  });

  test("a key the first read made is not made again where the cell reads the same", () => {
    const spy = jest.spyOn(text, "headerKey");
    try {
      const snap = snapOf([[{ value: "一级指标", text: "一级指标" }, { value: "得分", text: "得分" }]], []);
      const memo = new ReadMemo();
      new Grid(snap, memo).key(1, 1);
      new Grid(snap, memo).key(1, 2);
      expect(spy).toHaveBeenCalledTimes(2);
      memo.serve();
      const second = new Grid({ ...snap, values: [["一级指标", 5]], text: [["一级指标", "5"]] }, memo);
      expect(second.key(1, 1)).toBe("一级指标");
      expect(spy).toHaveBeenCalledTimes(2);
      // B1 was written: keyed again.
      expect(second.key(1, 2)).toBe("5");
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });
});
