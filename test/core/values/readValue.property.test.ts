import fc from "fast-check";
import { readActual, readTarget } from "../../../src/core/values/readValue";
import type { CellInput, Comparator, ParsedValue } from "../../../src/core/values/types";

const KINDS = ["empty", "quantity", "tier", "qualitative", "unparseable"];
const readers = [readTarget, readActual];

function wellFormed(r: ParsedValue): boolean {
  switch (r.kind) {
    case "empty":
      return true;
    case "quantity":
      return typeof r.value === "number" && typeof r.unit === "string" && typeof r.text === "string";
    case "tier":
      return ["达成", "部分达成", "未达成"].includes(r.tier);
    case "qualitative":
      return typeof r.text === "string";
    case "unparseable":
      return typeof r.reason === "string" && r.reason.length > 0;
  }
}

const arbFormat = fc.option(
  fc.oneof(fc.string(), fc.constantFrom("0.00%", "0%", "General", '0.0"%"', "0.00", "@", "#,##0")),
  { nil: undefined },
);
const arbCell: fc.Arbitrary<CellInput> = fc.record({
  value: fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE),
    fc.boolean(),
    fc.constant(null),
  ),
  text: fc.option(fc.string(), { nil: undefined }),
  numberFormat: arbFormat,
});

describe("never throws", () => {
  test("both readers return one of the five kinds for any cell", () => {
    fc.assert(
      fc.property(arbCell, fc.option(fc.string(), { nil: undefined }), (c, nameUnit) => {
        for (const read of readers) {
          const r = read(c, nameUnit);
          expect(KINDS).toContain(r.kind);
          expect(wellFormed(r)).toBe(true);
          if (r.kind === "quantity" && typeof c.value === "number") expect(Number.isFinite(r.value)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("strings made of the characters the reader cares about", () => {
    const chars = fc.constantFrom(..."0123456789.,-+%()（）＞＝≥≤<>= 万条小时内以上下达成部分未完个项".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
        for (const read of readers) expect(KINDS).toContain(read({ value: parts.join("") }).kind);
      }),
      { numRuns: 3000 },
    );
  });
});

const COMPARATORS: Array<[string, Comparator]> = [
  ["", "="], ["=", "="], ["＝", "="], ["等于", "="],
  [">=", ">="], ["≥", ">="], ["≧", ">="], ["＞＝", ">="], ["不低于", ">="], ["不少于", ">="], ["大于等于", ">="], ["至少", ">="],
  ["<=", "<="], ["≤", "<="], ["≦", "<="], ["＜＝", "<="], ["不高于", "<="], ["不超过", "<="], ["不多于", "<="], ["小于等于", "<="],
  [">", ">"], ["大于", ">"], ["高于", ">"], ["超过", ">"],
  ["<", "<"], ["小于", "<"], ["低于", "<"],
];
const UNITS = ["%", "项", "个", "家", "小时", "次", "万条", "亿条", "万人", "万条/小时", "元", "工作日"];

function withThousands(s: string): string {
  const [int, frac] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/\B(?=(\d{3})+$)/g, ",");
  return sign + digits + (frac !== undefined ? `.${frac}` : "");
}

const toFullWidth = (s: string) => s.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("well-formed quantities read back", () => {
  test("op, value and unit survive formatting", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPARATORS),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
        fc.constantFrom("(", "（", "bare"),
        fc.constantFrom("", " "),
        ([word, op], x, digits, thousands, fullWidth, unit, style, space) => {
          let num = x.toFixed(digits);
          if (thousands) num = withThousands(num);
          if (fullWidth) num = toFullWidth(num);
          const unitText =
            unit === undefined ? "" : style === "(" ? `(${unit})` : style === "（" ? `（${unit}）` : unit;
          const text = `${word}${space}${num}${space}${unitText}`;
          const expected = Number(x.toFixed(digits));
          for (const read of readers) {
            const r = read({ value: text });
            if (r.kind !== "quantity") throw new Error(`${text} read as ${JSON.stringify(r)}`);
            expect(r.op).toBe(op);
            expect(r.unit).toBe(unit ?? "");
            expect(Math.abs(r.value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
            expect(r.text).toBe(text.trim());
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("percent-formatted numeric cells read as ×100 in %", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = readActual({ value: x, numberFormat: "0.00%" });
        if (r.kind !== "quantity") throw new Error(`${x} read as ${r.kind}`);
        expect(r.unit).toBe("%");
        expect(Math.abs(r.value - x * 100)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x * 100)));
      }),
    );
  });
});

describe("tiers", () => {
  const PHRASES: Array<[string, string]> = [
    ["达成指标", "达成"], ["达成年度指标", "达成"], ["已达成", "达成"], ["完成", "达成"], ["已完成", "达成"], ["达成", "达成"],
    ["部分达成指标并具有一定效果", "部分达成"], ["部分达成年度指标并具有一定效果", "部分达成"], ["部分达成", "部分达成"],
    ["未达成指标且效果较差", "未达成"], ["未达成年度指标且效果较差", "未达成"], ["未达成", "未达成"], ["未完成", "未达成"],
  ];

  test("a tier phrase, with the template's long tails, reads as that tier in readActual only", () => {
    const tails = fc.constantFrom("", "指标", "年度指标", "预期指标", "目标", "。", "指标并具有一定效果", "指标且效果较差");
    fc.assert(
      fc.property(fc.constantFrom(...PHRASES), tails, fc.constantFrom("", " ", "　", "\n"), ([phrase, tier], tail, pad) => {
        // A bare tier word takes any of the tails; a long form only the closing stop.
        const bare = ["达成", "已达成", "完成", "已完成", "部分达成", "未达成", "未完成"].includes(phrase);
        const text = pad + phrase + (bare || tail === "。" ? tail : "");
        expect(readActual({ value: text })).toMatchObject({ kind: "tier", tier });
        expect(readTarget({ value: text }).kind).not.toBe("tier");
      }),
      { numRuns: 1000 },
    );
  });

  test("a tier word followed by anything else is not that tier (完成了一半 is not 完成)", () => {
    const noDigits = fc.string({ minLength: 1 }).filter((s) => !/[\d０-９]/.test(s) && !/^[\s。．.；;！!]*$/.test(s) && !/^((年度|预期|绩效)?(指标|目标)(值)?)?(并具有一定效果|且效果较差)?$/.test(s.trim()));
    fc.assert(
      fc.property(fc.constantFrom("达成", "完成", "已完成", "已达成"), noDigits, (phrase, rest) => {
        const r = readActual({ value: phrase + rest });
        if (r.kind === "tier") expect(r.text.trim()).not.toBe(phrase + rest);
      }),
      { numRuns: 1000 },
    );
  });
});
