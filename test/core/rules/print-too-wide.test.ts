/**
 * print-too-wide (info, at the header cell) — issue 19 §5: with the sheet's page setup, the form is
 * wider than the paper and its right-hand columns print on another page.
 */
import rule from "../../../src/core/rules/print-too-wide";
import { analyzeSheet } from "../../../src/core/engine";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { printForm } from "./printSupport";

test("the message gives the width, the paper and the pages, in centimetres", () => {
  const f = analyzeSheet(printForm({}, { orientation: "portrait" })).findings.find((x) => x.code === "print-too-wide")!;
  // 760 pt of columns = 26.8 cm; A4 portrait less 0.5 in margins each side = 18.5 cm.
  expect(f.message.zh).toContain("宽约 26.8 厘米");
  expect(f.message.zh).toContain("A4纵向，缩放 100%");
  expect(f.message.zh).toContain("每页可打印 18.5 厘米");
  expect(f.message.zh).toContain("横向分成 2 页");
  expect(f.severity).toBe("info");
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "A4 landscape, 760 pt of columns in 770", form: printForm() },
    { name: "no layout read: not checked", form: forms.formOf() },
    { name: "portrait, fitted to one page wide", form: printForm({}, { orientation: "portrait", fitTo: { width: 1, height: 0 } }) },
    { name: "A3 portrait", form: printForm({}, { orientation: "portrait", paperSize: 8 }) },
    { name: "portrait at 65 %", form: printForm({}, { orientation: "portrait", scale: 65 }) },
  ],
  invalid: [
    { name: "A4 portrait at 100 %", form: printForm({}, { orientation: "portrait" }), findings: [{ cell: "A12", messageId: "across", data: { pages: 2, paper: "A4", scale: 100 } }] },
    { name: "landscape at 150 %", form: printForm({}, { scale: 150 }), findings: [{ cell: "A12", messageId: "across", data: { pages: 2, scale: 150 } }] },
    { name: "Letter portrait, fitted to two pages wide", form: printForm({}, { orientation: "portrait", paperSize: 1, fitTo: { width: 2, height: 0 } }), findings: [{ cell: "A12", messageId: "across", data: { pages: 2, paper: "Letter" } }] },
    { name: "wide columns: three pages across", form: printForm({ defaultColWidth: 200, cols: [] }, { orientation: "portrait" }), findings: [{ cell: "A12", messageId: "across", data: { pages: 4 } }] },
  ],
});
}

test("the print check as the settings ask: notices by default, warnings, or not made (issue 19 §5)", () => {
  const form = printForm({}, { orientation: "portrait" });
  const of = (printCheck?: "notice" | "warning" | "off") => analyzeSheet(form, printCheck ? { printCheck } : {}).findings.filter((f) => f.code.startsWith("print-"));
  expect(of().map((f) => f.severity)).toEqual(["info"]);
  expect(of("notice").map((f) => f.severity)).toEqual(["info"]);
  expect(of("warning").map((f) => [f.code, f.severity])).toEqual([["print-too-wide", "warning"]]);
  expect(of("off")).toEqual([]);
  // The form's own findings do not change with it.
  const own = (printCheck: "notice" | "off") => analyzeSheet(form, { printCheck }).findings.filter((f) => !f.code.startsWith("print-"));
  expect(own("off")).toEqual(own("notice"));
});
