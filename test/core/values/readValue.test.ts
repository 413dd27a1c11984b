import { readActual, readTarget, unitFromName } from "../../../src/core/values/readValue";
import type { CellInput, Comparator } from "../../../src/core/values/types";

const cell = (value: CellInput["value"], extra: Partial<CellInput> = {}): CellInput => ({ value, ...extra });
const qty = (op: Comparator, value: number, unit: string) => ({ kind: "quantity", op, value, unit });

describe("readTarget: real targets", () => {
  test.each<[string, Comparator, number, string]>([
    ["≥25.00(项)", ">=", 25, "项"],
    ["=100.00(%)", "=", 100, "%"],
    ["≤ 5.00 (%)", "<=", 5, "%"],
    [">=99.90%", ">=", 99.9, "%"],
    ["<=60家", "<=", 60, "家"],
    [">2", ">", 2, ""],
    ["=0", "=", 0, ""],
    ["≥15000.00(个)", ">=", 15000, "个"],
    ["≥1.50(亿条)", ">=", 1.5, "亿条"],
    ["48 小时内", "<=", 48, "小时"],
    ["≤24.00(小时)", "<=", 24, "小时"],
    [">=3000万条/小时", ">=", 3000, "万条/小时"],
    ["≥ 4.00 (次)", ">=", 4, "次"],
    ["≤20.00(万)", "<=", 20, "万"],
  ])("%s", (text, op, value, unit) => {
    expect(readTarget(cell(text))).toEqual({ ...qty(op, value, unit), text });
  });
});

describe("readActual: real actuals", () => {
  test.each<[string, number, string]>([
    ["105.00(项)", 105, "项"],
    ["97.80(%)", 97.8, "%"],
    ["0.00(%)", 0, "%"],
    ["1.06(小时)", 1.06, "小时"],
    ["377.94(万人)", 377.94, "万人"],
  ])("%s", (text, value, unit) => {
    expect(readActual(cell(text))).toEqual({ ...qty("=", value, unit), text });
  });

  test("keeps a comparator given in an actual", () => {
    expect(readActual(cell("≥95%"))).toMatchObject(qty(">=", 95, "%"));
  });
});

describe("full-width and spacing variants", () => {
  test.each<[string, Comparator, number, string]>([
    ["＞＝９５．００（％）", ">=", 95, "%"],
    ["≧95", ">=", 95, ""],
    ["≦ 3（小时）", "<=", 3, "小时"],
    ["＜＝60（家）", "<=", 60, "家"],
    ["＝１００", "=", 100, ""],
    ["≥95（%）", ">=", 95, "%"],
    ["≥95(％)", ">=", 95, "%"],
    ["９９．９％", "=", 99.9, "%"],
    ["  ≥　25 ( 项 )  ", ">=", 25, "项"],
    ["－5", "=", -5, ""],
    ["≥-3.5℃", ">=", -3.5, "℃"],
  ])("%s", (text, op, value, unit) => {
    expect(readTarget(cell(text))).toMatchObject(qty(op, value, unit));
  });

  test("text is the trimmed original", () => {
    expect(readTarget(cell("  ＞＝９５（％） "))).toMatchObject({ text: "＞＝９５（％）" });
  });
});

describe("numbers", () => {
  test.each<[string, number]>([
    ["15,000.00", 15000],
    ["≥15,000.00(个)", 15000],
    ["1,234,567.5", 1234567.5],
    ["１５，０００", 15000],
    ["-12.5", -12.5],
    ["+7", 7],
    [".5", 0.5],
    ["0.0001", 0.0001],
  ])("%s → %p", (text, value) => {
    expect(readTarget(cell(text))).toMatchObject({ kind: "quantity", value });
  });
});

describe("comparator words and symbols", () => {
  test.each<[string, Comparator]>([
    ["≥", ">="], [">=", ">="], ["＞＝", ">="], ["≧", ">="],
    ["不低于", ">="], ["不少于", ">="], ["大于等于", ">="], ["至少", ">="],
    ["≤", "<="], ["<=", "<="], ["＜＝", "<="], ["≦", "<="],
    ["不高于", "<="], ["不超过", "<="], ["不多于", "<="], ["小于等于", "<="],
    [">", ">"], ["大于", ">"], ["高于", ">"], ["超过", ">"],
    ["<", "<"], ["小于", "<"], ["低于", "<"],
    ["=", "="], ["＝", "="], ["等于", "="], ["", "="],
  ])("%p 80 → %p", (word, op) => {
    expect(readTarget(cell(`${word}80个`))).toMatchObject(qty(op, 80, "个"));
    expect(readTarget(cell(`${word} 80 (个)`))).toMatchObject(qty(op, 80, "个"));
  });

  test.each<[string, Comparator, number, string]>([
    ["48小时内", "<=", 48, "小时"],
    ["48 小时以内", "<=", 48, "小时"],
    ["10（工作日）内", "<=", 10, "工作日"],
    ["30天以内", "<=", 30, "天"],
    ["5个以上", ">=", 5, "个"],
    ["95%以上", ">=", 95, "%"],
    ["3次以下", "<=", 3, "次"],
    ["≤48小时内", "<=", 48, "小时"],
    ["不少于5家以上", ">=", 5, "家"],
  ])("%s", (text, op, value, unit) => {
    expect(readTarget(cell(text))).toMatchObject(qty(op, value, unit));
  });

  test("a comparator that contradicts its suffix is unparseable", () => {
    expect(readTarget(cell("≥48小时内"))).toMatchObject({ kind: "unparseable", reason: "conflicting comparators" });
  });
});

describe("units from the name", () => {
  test.each([
    ["设施设备采购及时率（%）", "%"],
    ["设施设备采购及时率(%)", "%"],
    ["新增合作企业数（家）", "家"],
    ["数据汇聚量（万条/小时）", "万条/小时"],
    ["培训人次（ 人次 ）", "人次"],
    ["电费（度）", "度"],
    ["资金（万元）", "万元"],
    ["差错率（‰）", "‰"],
    ["政务外网稳定性（骨干网可用率）", ""],
    ["用户评价（满意度）", ""],
    ["受益对象（人数）", ""],
    ["是否按时完成（是/否）", ""],
    ["系统（2024年）", ""],
    ["平台建设（含运维，安全）", ""],
    ["新增合作企业数", ""],
    ["（%）新增企业", ""],
    ["", ""],
  ])("%s → %p", (name, unit) => {
    expect(unitFromName(name)).toBe(unit);
  });

  test("used when the value has no unit of its own", () => {
    expect(readTarget(cell("≥95"), "%")).toMatchObject(qty(">=", 95, "%"));
    expect(readTarget(cell("≥95"), "（％）")).toMatchObject(qty(">=", 95, "%"));
    expect(readTarget(cell("48内"), "小时")).toMatchObject(qty("<=", 48, "小时"));
    expect(readActual(cell(12), "家")).toMatchObject(qty("=", 12, "家"));
  });

  test("ignored when the value has a unit", () => {
    expect(readTarget(cell("≥3(个)"), "家")).toMatchObject(qty(">=", 3, "个"));
    expect(readTarget(cell("≥3()"), "家")).toMatchObject(qty(">=", 3, "家"));
  });
});

describe("numeric cells", () => {
  test("percent format: Excel stores fractions", () => {
    expect(readActual(cell(0.978, { numberFormat: "0.00%", text: "97.80%" }))).toEqual({
      ...qty("=", 97.8, "%"),
      text: "97.80%",
    });
    expect(readActual(cell(0.07, { numberFormat: "0%" }))).toMatchObject(qty("=", 7, "%"));
    expect(readTarget(cell(1, { numberFormat: "0%" }), "个")).toMatchObject(qty("=", 100, "%"));
    expect(readActual(cell(0.1234, { numberFormat: "0.00%;[Red]-0.00%" }))).toMatchObject(qty("=", 12.34, "%"));
  });

  test("a quoted or escaped % is a literal, not a scaling", () => {
    expect(readActual(cell(97.8, { numberFormat: '0.0"%"' }))).toMatchObject(qty("=", 97.8, ""));
    expect(readActual(cell(97.8, { numberFormat: "0.0\\%" }))).toMatchObject(qty("=", 97.8, ""));
  });

  test("plain numbers", () => {
    expect(readTarget(cell(25, { numberFormat: "General" }))).toEqual({ ...qty("=", 25, ""), text: "25" });
    expect(readTarget(cell(25, { text: " 25.00 " }), "项")).toEqual({ ...qty("=", 25, "项"), text: "25.00" });
    expect(readActual(cell(-3))).toMatchObject(qty("=", -3, ""));
  });

  test("non-finite numbers are unparseable", () => {
    expect(readTarget(cell(NaN))).toMatchObject({ kind: "unparseable" });
    expect(readActual(cell(Infinity, { numberFormat: "0%" }))).toMatchObject({ kind: "unparseable" });
  });

  test("booleans are qualitative", () => {
    expect(readTarget(cell(true))).toEqual({ kind: "qualitative", text: "TRUE" });
    expect(readActual(cell(false))).toEqual({ kind: "qualitative", text: "FALSE" });
  });
});

describe("empty", () => {
  test.each<[CellInput["value"]]>([[null], [""], ["   "], ["\n\t"], ["　"]])("%p", (value) => {
    expect(readTarget(cell(value))).toEqual({ kind: "empty" });
    expect(readActual(cell(value))).toEqual({ kind: "empty" });
  });

  test("the displayed text is not used for a string value", () => {
    expect(readTarget(cell("", { text: "95" }))).toEqual({ kind: "empty" });
  });
});

describe("qualitative", () => {
  test.each([
    "健全",
    "有效降低",
    "头部",
    "满意",
    "驻场技术工程师在10分钟内赶到故障现场",
    "新设企业通过全程网办方式占比≥60%",
    "符合GB/T 39786《信息安全技术 信息系统密码应用基本要求》的第三级别要求",
    "200分钟内完成业务恢复，确保系统稳定运行",
    "10分钟内赶到",
    "5个以上的部门",
    "不低于上年水平",
    "高于行业平均",
    "2024.12.31",
    "2024-12-31前完成",
    "2024年12月底",
    "—",
    "-",
  ])("%s", (text) => {
    expect(readTarget(cell(text))).toEqual({ kind: "qualitative", text });
    expect(readActual(cell(text))).toEqual({ kind: "qualitative", text });
  });

  test("tier words are only qualitative in a target", () => {
    expect(readTarget(cell("达成指标"))).toEqual({ kind: "qualitative", text: "达成指标" });
  });
});

describe("unparseable", () => {
  test.each([
    ["≥(%)", "no number after comparator"],
    [">=", "no number after comparator"],
    ["≥abc", "no number after comparator"],
    ["≤ (小时)", "no number after comparator"],
    ["不低于", "no number after comparator"],
    ["不超过（%）", "no number after comparator"],
    ["≥1..5", "malformed number after comparator"],
    ["≥95%且满意度≥90%", "malformed number after comparator"],
    ["1..5", "malformed number"],
    ["9.9.9%", "malformed number"],
    ["--3", "malformed number"],
    ["1,5", "malformed number"],
    ["10-20个", "malformed number"],
    ["5.(个)", "malformed number"],
    ["不低于1..5%", "malformed number"],
  ])("%s: %s", (text, reason) => {
    expect(readTarget(cell(text))).toEqual({ kind: "unparseable", text, reason });
    expect(readActual(cell(text))).toEqual({ kind: "unparseable", text, reason });
  });
});

describe("tiers (readActual)", () => {
  test.each([
    ["达成指标", "达成"],
    ["达成年度指标", "达成"],
    ["已达成", "达成"],
    ["完成", "达成"],
    ["已完成", "达成"],
    ["达成", "达成"],
    ["部分达成指标并具有一定效果", "部分达成"],
    ["部分达成年度指标并具有一定效果", "部分达成"],
    ["部分达成", "部分达成"],
    ["部分达成指标", "部分达成"],
    ["未达成指标且效果较差", "未达成"],
    ["未达成年度指标且效果较差", "未达成"],
    ["未达成", "未达成"],
    ["未完成", "未达成"],
    [" 部分 达成\n指标 ", "部分达成"],
    ["达成指标。", "达成"],
  ])("%p → %s", (text, tier) => {
    expect(readActual(cell(text))).toEqual({ kind: "tier", tier, text: text.trim() });
  });

  test.each(["基本达成", "指标已达成", "项目按期完成", "未能部分达成"])("%s only contains a tier phrase", (text) => {
    expect(readActual(cell(text))).toEqual({ kind: "qualitative", text });
  });
});
