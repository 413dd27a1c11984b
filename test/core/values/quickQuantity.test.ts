// The value reader's quick path (≥25.00(项), 30（人）, 95%) against its full reading: wherever the
// quick path gives a reading, it is the full reading's, for targets and actuals, with and without a
// unit in the indicator's name; and it does give one for the values forms are mostly written with.
import fc from "fast-check";
import { quickQuantity, readActual, readTarget, readTextInFull } from "../../../src/core/values/readValue";

const OPS = ["", "≥", "≤", ">=", "<=", ">", "<", "=", "==", "=>", "≥≥", "＞", "≧", "＝", "不低于", "大于", "+", "-", "−", " ", "'"];
const NUMBERS = ["25", "25.00", "0.5", "100", "007", "1,234", "1,234.5", ".5", "25.", "2.5.1", "12345678901234567890", "0", "99.99", "1e3", "３０"];
const TAILS = [
  "", "(项)", "（项）", "(项）", "（项)", "%", "％", "﹪", "‰", "(%)", "（%）", "人", "人次", "小时", "(小时)", "以内", "内", "小时内", "以上", "个以上", "以下",
  "(万元/公里)", "万元/公里", "km", "(km)", "KM", "百分比", "(百分比)", "%(%)", "人(人)", "()", "(项)(个)", " (项)", "(项) ", "达成", "次/年", "(次/年)",
  "(满足需求)", "(长度超过六个字的单位)", "天数", "元/人·月", "(元/人·月)", "（单位：项）", "年", "1", "(1)", "、", "项。", "(a)b", "/", "(/)",
];
const NAME_UNITS = [undefined, "", "%", "项", "小时", "％", "（人）", " 次 ", "百分比"];

const valueText = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...OPS), fc.constantFrom(...NUMBERS), fc.constantFrom(...TAILS)).map(([o, n, t]) => `${o}${n}${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...OPS), fc.stringMatching(/^\d{1,6}(\.\d{1,3})?$/), fc.string({ unit: fc.constantFrom("项", "人", "%", "(", ")", "（", "）", "/", "k", "内", "以", "上", "达", " ", "."), maxLength: 7 })).map(([o, n, t]) => `${o}${n}${t}`) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
);

describe("the quick path of the value reader", () => {
  test("gives the full reading wherever it gives one", () => {
    fc.assert(
      fc.property(valueText, fc.constantFrom(...NAME_UNITS), (text, nameUnit) => {
        const quick = quickQuantity(text, nameUnit);
        if (quick === null) return;
        expect(quick).toEqual(readTextInFull(text, nameUnit, false));
        expect(quick).toEqual(readTextInFull(text, nameUnit, true));
      }),
      { numRuns: 20_000 },
    );
  });

  test("over every listed comparator, number and unit together: where it gives a reading, the full reading's", () => {
    for (const o of OPS) for (const n of NUMBERS) for (const t of TAILS) for (const u of NAME_UNITS) {
      const text = `${o}${n}${t}`;
      const quick = quickQuantity(text, u);
      if (quick !== null) expect([text, quick]).toEqual([text, readTextInFull(text, u, true)]);
    }
  });

  test.each([
    ["≥25.00(项)", ">=", 25, "项"],
    ["30.00(项)", "=", 30, "项"],
    ["=100.00(%)", "=", 100, "%"],
    ["≤2.00(小时)", "<=", 2, "小时"],
    ["30（人）", "=", 30, "人"],
    ["95%", "=", 95, "%"],
    [">=90%", ">=", 90, "%"],
    ["≥100(百分比)", ">=", 100, "%"],
    ["≤80(万元/公里)", "<=", 80, "万元/公里"],
    ["12.5", "=", 12.5, ""],
  ])("takes %s (%s %d %s) and reads it as the full reading does", (text, op, value, unit) => {
    const quick = quickQuantity(text, undefined);
    expect(quick).toEqual({ kind: "quantity", op, value, unit, text });
    expect(readTarget({ value: text })).toEqual(quick);
    expect(readActual({ value: text })).toEqual(quick);
  });

  test.each(["48小时内", "100以上", "≥95%（%）", "1,234", "−5", "'95", " 30(项)", "30(项) ", "达成", "有效提升", "≥", "(项)", "2.5.1", "25."])("leaves %s to the full reading", (text) => {
    expect(quickQuantity(text, undefined)).toBeNull();
  });
});
