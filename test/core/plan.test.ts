import { isOwnFormula, markFormula, marksFor } from "../../src/core/plan";
import type { Finding } from "../../src/core/rules/types";

const f = (code: string, cell: string, severity: Finding["severity"] = "error"): Finding => ({
  code,
  severity,
  cell,
  message: { zh: `${code} 中文`, en: `${code} en` },
});

describe("marks", () => {
  test("a missing or unexplained reason is marked only while the cell is blank or a draft", () => {
    const marks = marksFor([f("missing-explanation", "H25"), f("overachievement-unexplained", "H13", "warning"), f("missing-score", "G14")]);
    expect(marks.map((m) => [m.cell, m.condition, m.severity])).toEqual([
      ["H25", "blank-or-draft", "error"],
      ["H13", "blank-or-draft", "warning"],
      ["G14", "blank", "error"],
    ]);
  });

  test("other findings are static marks; notices are not marked", () => {
    const marks = marksFor([f("unit-mismatch", "E16"), f("weight-split", "A12", "info")]);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ cell: "E16", condition: "static", codes: ["unit-mismatch"] });
  });

  test("findings at one cell make one mark: the error outranks, a self-clearing condition never hides a static problem", () => {
    const [m] = marksFor([f("overachievement-unexplained", "H13", "warning"), f("total-mismatch", "H13")]);
    expect(m.severity).toBe("error");
    expect(m.condition).toBe("static");
    expect(m.note.zh.split("\n")).toEqual(["overachievement-unexplained 中文", "total-mismatch 中文"]);
  });

  test("the formulas are tagged as ours and test the cell they mark", () => {
    expect(markFormula("H25", "blank-or-draft")).toBe('=AND(N("jixiao")=0,OR(LEN(TRIM(H25))=0,ISNUMBER(SEARCH("【待补充原因】",H25))))');
    expect(markFormula("G14", "blank")).toBe('=AND(N("jixiao")=0,LEN(TRIM(G14))=0)');
    for (const c of ["blank", "blank-or-draft", "static"] as const) expect(isOwnFormula(markFormula("A1", c))).toBe(true);
    expect(isOwnFormula("=LEN(A1)=0")).toBe(false);
  });
});
