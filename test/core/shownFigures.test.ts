import { analyzeSheet } from "../../src/core/engine";
import { figureLines, figureText, shownFigures } from "../../src/core/shownFigures";
import { summarize } from "../../src/commands/outcomeSummary";
import { sampleSnapshots } from "../helpers";

const first = async (rel: string) => analyzeSheet((await sampleSnapshots(rel))[0]);

describe("figures say whose they are (issue 16 §3)", () => {
  test("a stated total that disagrees is shown with the computed one beside it", async () => {
    const r = await first("selfeval-defects/wrong-arithmetic.xlsx");
    const f = shownFigures(r);
    expect(f.total).toEqual({ stated: 92.61, computed: 91.61 });
    expect(figureLines(r).map((m) => m.zh)).toContain("总分 92.61（表内）· 核算 91.61");
    expect(figureLines(r).map((m) => m.en)).toContain("Total 92.61 (on the form) · computed 91.61");
  });

  test("an empty total and grade: the computed ones are suggestions, never labelled as the form's", async () => {
    const r = await first("selfeval-defects/blank-scores.xlsx");
    const f = shownFigures(r);
    expect(f.total.stated).toBeNull();
    expect(f.total.computed).toBe(94.33);
    const lines = figureLines(r).map((m) => m.zh);
    expect(lines).toContain("总分（建议）94.33");
    expect(lines.some((l) => /^等级（建议）/.test(l))).toBe(true);
    expect(lines.some((l) => /^总分 94\.33$/.test(l))).toBe(false);
    // The ribbon dialog says the same.
    const dialog = summarize({ action: "check", sheets: [{ result: r, written: [], marks: [] }] });
    expect(JSON.stringify(dialog.lines)).toContain("总分（建议）94.33");
  });

  test("agreeing figures are shown once", async () => {
    const r = await first("selfeval/zhengwuyun.xlsx");
    expect(figureLines(r).map((m) => m.zh)).toEqual(["预算执行率 92.04%", "预算执行得分 9.20", "总分 90.20", "等级 优"]);
  });

  test.each([
    [{ stated: null, computed: null }, null],
    [{ stated: 90, computed: null }, "总分 90.00（表内）"],
    [{ stated: 90.004, computed: 90 }, "总分 90.00"],
    [{ stated: 90.01, computed: 90 }, "总分 90.01（表内）· 核算 90.00"],
  ])("figureText(%j)", (fig, zh) => {
    expect(figureText({ zh: "总分", en: "Total" }, fig)?.zh ?? null).toBe(zh);
  });
});
