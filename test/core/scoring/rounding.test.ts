/**
 * Rounding to two decimals (RULES §4): `truncate` (default; seed 001 cuts), `half-up`, `up` — for
 * budget rates and scores and for indicator scores, free of binary float traps.
 */
import fc from "fast-check";
import { round2 } from "../../../src/core/numbers";
import { budgetFigures } from "../../../src/core/scoring/figures";
import { resolveSettings, type Settings } from "../../../src/core/settings";
import type { FundsRow } from "../../../src/core/forms/model";

type Mode = Settings["rounding"];
const MODES: Mode[] = ["truncate", "half-up", "up"];

describe("round2", () => {
  test.each<[number, number, number, number]>([
    // x, truncate, half-up, up
    [81.1571, 81.15, 81.16, 81.16],
    [92.046, 92.04, 92.05, 92.05],
    [86.183, 86.18, 86.18, 86.19],
    [8.115, 8.11, 8.12, 8.12], // 8.115 is 8.11499999… in binary
    [2.675, 2.67, 2.68, 2.68],
    [0.125, 0.12, 0.13, 0.13],
    [5.4, 5.4, 5.4, 5.4],
    [0, 0, 0, 0],
    [100, 100, 100, 100],
  ])("%d → %d / %d / %d", (x, t, h, u) => {
    expect(round2(x, "truncate")).toBe(t);
    expect(round2(x, "half-up")).toBe(h);
    expect(round2(x, "up")).toBe(u);
  });

  test.each<[string, number, number]>([
    ["0.29 × 100 = 28.999999999999996", 0.29 * 100, 29],
    ["4.35 × 100 = 434.99999999999994 (→ 4.35)", (4.35 * 100) / 100, 4.35],
    ["1.15 × 100 / 100", (1.15 * 100) / 100, 1.15],
    ["0.57 × 100 = 56.99999999999999", 0.57 * 100, 57],
    ["7 × 0.6 = 4.199999999999999", 7 * 0.6, 4.2],
    ["10 × 0.29 = 2.9000000000000004", 10 * 0.29, 2.9],
    ["0.1 + 0.2 = 0.30000000000000004", 0.1 + 0.2, 0.3],
    ["8 × 0.7 = 5.6000000000000005", 8 * 0.7, 5.6],
  ])("float trap: %s", (_label, x, want) => {
    for (const m of MODES) expect(round2(x, m)).toBe(want);
  });

  describe("properties", () => {
    test("a figure that already has two decimals is kept by every mode", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...MODES), (k, m) => {
          expect(round2(k / 100, m)).toBe(k / 100);
        }),
      );
    });

    test("truncate ≤ half-up ≤ up, at most one cent apart, within a cent of x", () => {
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (x) => {
          const t = round2(x, "truncate");
          const h = round2(x, "half-up");
          const u = round2(x, "up");
          expect(t).toBeLessThanOrEqual(h);
          expect(h).toBeLessThanOrEqual(u);
          expect(u - t).toBeLessThanOrEqual(0.01 + 1e-9);
          expect(Math.abs(x - t)).toBeLessThan(0.01 + 1e-6);
          expect(Math.abs(x - u)).toBeLessThan(0.01 + 1e-6);
          // Results are whole cents.
          for (const r of [t, h, u]) expect(Math.abs(r * 100 - Math.round(r * 100))).toBeLessThan(1e-6);
        }),
      );
    });
  });
});

/** A funds row holding just a budget and an amount executed. */
function fundsRow(budget: number, executed: number, weight = 10): FundsRow {
  const num = (value: number) => ({ address: "A1", value, empty: false, invalid: false, formula: null, typed: true });
  return { label: "年度资金总额", row: 6, labelCell: "B6", initial: null, budget: num(budget), executed: num(executed), weight: num(weight), rate: null, score: null };
}

/** Exact two-decimal rate for amounts given in cents, by integer arithmetic. */
function exactRate(budgetCents: bigint, executedCents: bigint, mode: Mode): number {
  const num = executedCents * 10000n; // rate × 100 = executed / budget × 10000
  let q = num / budgetCents;
  const r = num % budgetCents;
  if (mode === "up" && r > 0n) q += 1n;
  if (mode === "half-up" && 2n * r >= budgetCents) q += 1n;
  return Number(q) / 100;
}

describe("budget figures (执行率 and 得分)", () => {
  test.each<[number, number, Mode, number, number]>([
    [11962.44, 9708.37, "truncate", 81.15, 8.11],
    [11962.44, 9708.37, "half-up", 81.16, 8.12],
    [11962.44, 9708.37, "up", 81.16, 8.12],
    [24600.36, 22643.67, "truncate", 92.04, 9.2],
    [1000, 861.83, "truncate", 86.18, 8.61],
    [1000, 861.83, "half-up", 86.18, 8.62],
    [1000, 861.83, "up", 86.19, 8.62],
    [1, 0.29, "truncate", 29, 2.9],
    [100, 105, "truncate", 105, 10],
    [30750000, 30243000, "truncate", 98.35, 9.83],
  ])("%d / %d under %s: %d and %d", (budget, executed, rounding, rate, score) => {
    const f = budgetFigures(fundsRow(budget, executed), resolveSettings({ rounding }));
    expect(f).toMatchObject({ rate, score });
  });

  test("no budget, or a zero budget: no figures", () => {
    expect(budgetFigures(fundsRow(0, 5), resolveSettings())).toBeNull();
  });

  test("the rate equals exact integer arithmetic for amounts up to 10,000.00", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...MODES),
        (b, x, mode) => {
          const executed = Math.min(x, b);
          const f = budgetFigures(fundsRow(b / 100, executed / 100), resolveSettings({ rounding: mode }))!;
          expect(f.rate).toBe(exactRate(BigInt(b), BigInt(executed), mode));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test.each<Mode>(["truncate", "up"])("%s: the score of every two-decimal rate from 0 to 100 is exact (10 × rate / 100)", (mode) => {
    for (let k = 0; k <= 10000; k++) {
      // score × 100 = k / 10 exactly; cut or raise it to a whole number of cents.
      const want = (mode === "truncate" ? Math.floor(k / 10) : Math.ceil(k / 10)) / 100;
      const f = budgetFigures(fundsRow(100, k / 100), resolveSettings({ rounding: mode }))!;
      expect(f.rate).toBe(k / 100);
      if (f.score !== want) throw new Error(`rate ${k / 100}: score ${f.score}, want ${want}`);
    }
  });

  test("the score is within [0, weight] and the modes are ordered", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e8 }), fc.integer({ min: 0, max: 2e8 }), fc.integer({ min: 1, max: 20 }), (b, x, w) => {
        const [t, h, u] = MODES.map((rounding) => budgetFigures(fundsRow(b / 100, x / 100, w), resolveSettings({ rounding }))!);
        for (const f of [t, h, u]) {
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(w);
        }
        expect(t.rate).toBeLessThanOrEqual(h.rate);
        expect(h.rate).toBeLessThanOrEqual(u.rate);
        expect(t.score).toBeLessThanOrEqual(h.score);
        expect(h.score).toBeLessThanOrEqual(u.score);
      }),
    );
  });
});

/**
 * Regression test (fixed in src/core/numbers.ts round2): for budgets above ~2,000,000 cents the cleaning steps
 * (toFixed(9), then toFixed(6) of ×100) round away real digits. Exact values (integer arithmetic):
 *  - 7,313.69 / 24,600.37 × 100 = 29.72999999593…  → truncate 29.72; round2 gives 29.73
 *  - 17,286.68 / 24,600.37 × 100 = 70.27000000406… → up 70.28; round2 gives 70.27
 * Amounts of this size are ordinary (seed 001: 24,600.36 万元); Excel's ROUNDDOWN / ROUNDUP give the exact ones.
 */
test("budget rates are exact for seed-sized amounts (24,600.37)", () => {
  const t = budgetFigures(fundsRow(24600.37, 7313.69), resolveSettings({ rounding: "truncate" }))!;
  const u = budgetFigures(fundsRow(24600.37, 17286.68), resolveSettings({ rounding: "up" }))!;
  expect(t.rate).toBe(exactRate(2460037n, 731369n, "truncate"));
  expect(t.rate).toBe(29.72);
  expect(u.rate).toBe(exactRate(2460037n, 1728668n, "up"));
  expect(u.rate).toBe(70.28);
});

/**
 * Regression test (fixed in src/core/numbers.ts round2, half-up): the snap only removes noise near a whole cent, so
 * a half cent stored just below .5 (8.995 is 8.99499999… in binary) rounds down. 10 × 89.95% = 8.995
 * must be 9.00 half-up; round2 gives 8.99. Of the rates 80.00–100.00, 32 get a budget score one cent
 * short (80.75 → 8.07, 81.55 → 8.15, 89.95 → 8.99, 99.95 → 9.99 …); also 7 × 54 / 80 = 4.725 → 4.72
 * and round2(1.005, "half-up") = 1.00. (The version of round2 that went through toFixed(9)/toFixed(6)
 * got these right.)
 */
test("half-up: every half cent rounds up (10 × 89.95% = 8.995 → 9.00)", () => {
  const s = resolveSettings({ rounding: "half-up" });
  expect(budgetFigures(fundsRow(100, 89.95), s)!.score).toBe(9);
  expect(budgetFigures(fundsRow(100, 81.55), s)!.score).toBe(8.16);
  expect(round2((7 * 54) / 80, "half-up")).toBe(4.73);
  expect(round2(1.005, "half-up")).toBe(1.01);
  for (let k = 0; k <= 10000; k++) {
    expect(budgetFigures(fundsRow(100, k / 100), s)!.score).toBe(Math.floor((k + 5) / 10) / 100);
  }
});
