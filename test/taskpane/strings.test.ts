import { STRINGS, format, message, translator } from "../../src/taskpane/strings";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("strings", () => {
  const zh = STRINGS["zh-CN"];
  const en = STRINGS["en-US"];

  test("both tables have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(zh).length).toBeGreaterThan(40);
  });

  test("no empty string, and every text is in its language", () => {
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect({ key, empty: value.trim() === "" }).toEqual({ key, empty: false });
    }
    // Chinese texts hold Chinese; English texts hold no Chinese except the draft marker they quote.
    const han = /[\u4e00-\u9fff]/;
    for (const [key, value] of Object.entries(zh)) if (key !== "listSeparator") expect({ key, han: han.test(value) }).toEqual({ key, han: true });
    for (const [key, value] of Object.entries(en)) {
      expect({ key, han: han.test(value.replace("【待补充原因】", "")) }).toEqual({ key, han: false });
    }
  });

  test("each key takes the same placeholders in both languages", () => {
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect({ key, vars: placeholders(en[key]) }).toEqual({ key, vars: placeholders(zh[key]) });
    }
  });

  test("format fills placeholders and leaves unknown ones visible", () => {
    expect(format("已填写 {n} 个单元格", { n: 7 })).toBe("已填写 7 个单元格");
    expect(format("{a}{b}", { a: "x" })).toBe("x{b}");
    expect(translator("en-US").t("countError", { n: 2 })).toBe("2 error(s)");
    expect(message("selected", { cell: "H25" })).toEqual({ zh: "已选中单元格 H25。", en: "Cell H25 selected." });
  });

  test("the settings options carry the wording of the rules", () => {
    expect(zh.roundingTruncate).toBe("截位（默认，与 2023 年上海市大数据中心自评表一致）");
    expect(zh.roundingHalfUp).toBe("四舍五入");
    expect(zh.roundingUp).toBe("向上进位");
    expect(zh.reverseRatio).toBe("分值×指标值/实际值（默认）");
    expect(zh.reverseDeviation).toBe("分值×(1−偏离度)");
    expect(zh.thresholdLabel).toBe("超额完成需说明的幅度");
  });
});
