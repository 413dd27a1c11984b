import { convertUnit, normalizeUnit } from "../../../src/core/values/units";

describe("normalizeUnit", () => {
  test.each([
    ["%", "%"],
    ["％", "%"],
    ["(%)", "%"],
    ["（％）", "%"],
    [" ( 万元 ) ", "万元"],
    ["（（小时））", "小时"],
    ["万条 / 小时", "万条/小时"],
    ["", ""],
    ["ｋｍ", "km"],
  ])("%p → %p", (input, expected) => {
    expect(normalizeUnit(input)).toBe(expected);
  });

  test("keeps parentheses that do not wrap the whole unit", () => {
    expect(normalizeUnit("(a)(b)")).toBe("(a)(b)");
  });
});

describe("convertUnit", () => {
  test.each<[number, string, string, number]>([
    [10000, "万条", "亿条", 1],
    [1.5, "亿条", "万条", 15000],
    [3, "万条", "条", 30000],
    [377.94, "万人", "人", 3779400],
    [2, "亿", "万", 20000],
    [20000, "万", "亿", 2],
    [3000, "万条/小时", "条/小时", 30000000],
    [1, "万条/小时", "条/秒", 1e4 / 3600],
    [90, "分钟", "小时", 1.5],
    [30, "分", "小时", 0.5],
    [2, "小时", "分钟", 120],
    [7200, "秒", "小时", 2],
    [2, "天", "小时", 48],
    [1, "日", "小时", 24],
    [3, "时", "小时", 3],
    [12345, "元", "万元", 1.2345],
    [1.2, "亿元", "万元", 12000],
    [5, "百万元", "万元", 500],
    [2, "千万", "万", 2000],
  ])("%p %s → %s = %p", (value, from, to, expected) => {
    const r = convertUnit(value, from, to);
    expect(r).not.toBeNull();
    expect(r!.converted).toBe(true);
    expect(r!.value).toBeCloseTo(expected, 9);
  });

  test("removes float noise from scaling", () => {
    expect(convertUnit(20, "分钟", "小时")!.value).toBe(0.333333333333);
    expect(convertUnit(0.1, "万元", "元")!.value).toBe(1000);
  });

  test.each([
    ["%", "%"],
    ["（%）", "%"],
    ["％", "(%)"],
    ["小时", ""],
    ["", "个"],
    ["", ""],
  ])("%p vs %p is not converted", (from, to) => {
    expect(convertUnit(42, from, to)).toEqual({ value: 42, converted: false });
  });

  test.each([
    ["%", "个"],
    ["次", "人"],
    ["万", "万人"],
    ["工作日", "天"],
    ["月", "天"],
    ["年", "月"],
    ["小时", "工作日"],
    ["元", "个"],
    ["万条/小时", "条"],
    ["千克", "千"],
  ])("%p vs %p is incompatible", (from, to) => {
    expect(convertUnit(1, from, to)).toBeNull();
  });
});

test("a unit spelled like an object's inherited key is itself, and 百分比 is %", () => {
  // Found by the readValue property: a word table as a plain object answered "valueOf" with a function.
  for (const u of ["valueOf", "constructor", "toString", "__proto__", "hasOwnProperty"]) expect(normalizeUnit(u)).toBe(u);
  expect(normalizeUnit("百分比")).toBe("%");
});
