/** Whatever people type into the indicator cells, the engine answers with well-formed findings. */
import fc from "fast-check";
import { parseA1 } from "../../../src/core/address";
import { analyzeSheet } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import { RULES } from "../../../src/core/rules";
import { classifyRow } from "../../../src/core/forms/rowKinds";
import type { CellValue } from "../../../src/core/snapshot";
import { buildSelfEval, indicatorsWith, plainSpec, runLegacy } from "./support";

const typed: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, "", " ", "-", "达成指标", "部分达成", "未达成", "≥(%)", "≥25.00(项)", "30(个)", "1..5", "＞＝９０％", "=0", "48小时内", "【待补充原因】"),
  fc.string({ maxLength: 12 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 120 }),
);

const CODES = new Set(RULES.map((r) => r.code));

test("findings are registered codes at cells inside the sheet, with clean messages in both languages", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 5 }),
      fc.record({ target: typed, actual: typed, weight: typed, score: typed, reason: typed }),
      typed,
      fc.constantFrom<"truncate" | "half-up" | "up">("truncate", "half-up", "up"),
      (row, patch, total, rounding) => {
        const built = buildSelfEval(plainSpec({ indicators: indicatorsWith({ [row]: patch }), total }));
        const snap = built.builder.toSnapshot();
        const r = analyzeSheet(snap, { rounding });
        expect(r.kind).toBe("self-evaluation");
        // Every row is an indicator, unless what was typed makes it a not-applicable row (RULES-3 §13).
        const text = (v: CellValue) => (v === null ? "" : String(v).trim());
        const ind = indicatorsWith({ [row]: patch })[row];
        const kind = classifyRow({ level1: "x", level2: "x", name: ind.name, target: text(patch.target), actual: text(patch.actual), weight: text(patch.weight), score: text(patch.score) });
        expect(r.evaluations).toHaveLength(kind === "indicator" ? 6 : 5);
        const bottom = snap.values.length;
        const right = Math.max(...snap.values.map((x) => x.length));
        for (const f of r.findings) {
          expect(CODES.has(f.code)).toBe(true);
          const { row: fr, col: fc_ } = parseA1(f.cell);
          expect(fr).toBeGreaterThanOrEqual(1);
          expect(fr).toBeLessThanOrEqual(bottom);
          expect(fc_).toBeLessThanOrEqual(right);
          for (const m of [f.message.zh, f.message.en]) {
            expect(m).not.toMatch(/undefined|NaN|null|\[object Object\]|Infinity/);
            expect(m.length).toBeGreaterThan(0);
          }
        }
        // Filling never throws and never writes where a value was typed. (A typed "-" is read as empty
        // and overwritten: see the failing test in test/core/scoring/fill.test.ts.)
        const { plan } = planFill(snap, { rounding });
        for (const w of plan.writes) {
          const { row: wr, col: wc } = parseA1(w.cell);
          const v = snap.values[wr - 1]?.[wc - 1] ?? null;
          expect(v === null || (typeof v === "string" && (v.trim() === "" || v.trim() === "-"))).toBe(true);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test("legacy forms too", () => {
  fc.assert(
    fc.property(typed, typed, typed, (weight, score, problems) => {
      const sections = [{ label: "投入与管理 (36分)", rows: [{ name: "资金使用的合规性", weight, score }] }];
      const r = runLegacy({ sections, problems }).result;
      expect(r.kind).toBe("self-evaluation-legacy");
      for (const f of r.findings) {
        expect(CODES.has(f.code)).toBe(true);
        expect(f.message.zh).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }),
    { numRuns: 150 },
  );
});

test("a lone apostrophe typed into a score cell reads as empty but is never written over (found by the property above, seed 809533735)", () => {
  const built = buildSelfEval(plainSpec({ indicators: indicatorsWith({ 0: { target: 0, actual: 0, weight: 0, score: "'", reason: 0 } }), total: 0 }));
  const snap = built.builder.toSnapshot();
  const { plan } = planFill(snap, { rounding: "truncate" });
  for (const w of plan.writes) {
    const { row, col } = parseA1(w.cell);
    expect(snap.values[row - 1]?.[col - 1] ?? null).not.toBe("'");
  }
});
