import { isOwnFormula, NOTE_PREFIX } from "../../src/core/plan";
import { fromExcelJs } from "../../src/emulator";
import { TIER_CHOICES } from "../../src/excel/dropDown";
import { actionsFor, dump, openSample, sampleWorkbook } from "./setup";

const MISSING = "selfeval-defects/missing-reasons.xlsx";
const SHEET = "绩效自评表";

describe("marks (检查)", () => {
  test("a missing reason is marked by a rule that holds while blank or a draft, and clears once a reason is typed", async () => {
    const { host, actions } = await openSample(MISSING);
    const out = await actions.check();
    expect(out.error).toBeUndefined();
    const own = host.sheet(SHEET).cfs.filter((c) => c.type === "Custom" && isOwnFormula(c.formula));
    for (const cell of ["H25", "H31"]) {
      const rule = own.find((c) => c.ranges.length === 1 && c.ranges[0].top === Number(cell.slice(1)) && c.ranges[0].left === 8);
      expect(rule).toMatchObject({ fill: "#FFC7CE", font: "#9C0006" });
      expect(host.displayFormat(SHEET, cell)).toMatchObject({ fill: "#FFC7CE" });
      host.userEdit(SHEET, cell, "【待补充原因】目标 ≥50.00(份)，实际 10.00(份)。请说明偏差原因和改进措施。");
      expect(host.displayFormat(SHEET, cell)).not.toBeNull();
      host.userEdit(SHEET, cell, "受疫情影响，线下宣传活动取消，已改为线上推送。");
      expect(host.displayFormat(SHEET, cell)).toBeNull();
    }
    // A static mark (a warning that does not clear itself) stays.
    expect(host.displayFormat(SHEET, "H13")).toMatchObject({ fill: "#FFEB9C", font: "#9C5700" });
  });

  test("each marked cell gets a note with the findings, unless the user has a note there", async () => {
    const wb = await sampleWorkbook(MISSING);
    wb.worksheets[0].getCell("H31").note = "用户自己的批注";
    const host = fromExcelJs(wb);
    const out = await actionsFor(host).check();
    const notes = host.sheet(SHEET).notes;
    expect(notes.get("H31")?.content).toBe("用户自己的批注");
    const h25 = out.sheets[0].marks.find((m) => m.cell === "H25")!;
    expect(notes.get("H25")?.content).toBe(`${NOTE_PREFIX.zh}${h25.note.zh}`);
    expect([...notes.keys()].sort()).toEqual(out.sheets[0].marks.map((m) => m.cell).sort());
  });

  test("qualitative actual cells without validation get the tier drop-down; cells with the user's validation keep it", async () => {
    const wb = await sampleWorkbook(MISSING);
    wb.worksheets[0].getCell("E23").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    const host = fromExcelJs(wb);
    await actionsFor(host).check();
    const v = host.sheet(SHEET).validations;
    for (const cell of ["E22", "E27", "E28", "E29"]) expect(v.get(cell)?.list?.source).toBe(TIER_CHOICES.join(","));
    expect(v.get("E23")?.list?.source).toBe("是,否");
    expect(v.has("E13")).toBe(false);
  });

  test("checking twice leaves the workbook as checking once", async () => {
    const { host, actions } = await openSample(MISSING);
    await actions.check();
    const once = dump(host);
    await actions.check();
    expect(dump(host)).toBe(once);
  });
});

describe("清除标记 (clearMarks)", () => {
  test("after check then clear the workbook is the original again", async () => {
    const { host, actions } = await openSample(MISSING);
    const original = dump(host);
    await actions.check();
    expect(dump(host)).not.toBe(original);
    const out = await actions.clearMarks();
    expect(out.error).toBeUndefined();
    expect(dump(host)).toBe(original);
  });

  test("removes exactly the add-in's rules, notes and drop-downs; the user's stay", async () => {
    const wb = await sampleWorkbook(MISSING);
    const ws = wb.worksheets[0];
    ws.addConditionalFormatting({
      ref: "G13:G30",
      rules: [{ type: "expression", priority: 1, formulae: ["G13<3"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00FF00" } } } } as never],
    });
    ws.getCell("B2").note = "用户的批注";
    ws.getCell("E23").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    const host = fromExcelJs(wb);
    const actions = actionsFor(host);
    const original = dump(host);
    await actions.fill();
    await actions.clearMarks();
    const s = host.sheet(SHEET);
    expect(s.cfs.map((c) => c.formula)).toEqual(["=G13<3"]);
    expect([...s.notes.entries()].map(([a, n]) => [a, n.content])).toEqual([["B2", "用户的批注"]]);
    expect([...s.validations.keys()]).toEqual(["E23"]);
    // What fill wrote (the drafts) stays: clearing marks is not undoing the fill.
    expect(host.cell(SHEET, "H25").value).toMatch(/^【待补充原因】/);
    expect(dump(host)).not.toBe(original);
  });
});
