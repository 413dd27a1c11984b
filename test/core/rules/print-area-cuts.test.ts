/**
 * print-area-cuts (info, at the first cell left out) — issue 19 §5: the sheet's print area leaves
 * out some of the form's rows or columns.
 */
import rule from "../../../src/core/rules/print-area-cuts";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { printForm } from "./printSupport";

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "no print area", form: printForm() },
    { name: "the whole form", form: printForm({}, { printArea: ["A1:H20"] }) },
    { name: "whole columns A:H", form: printForm({}, { printArea: ["A:H"] }) },
    { name: "two areas covering it", form: printForm({}, { printArea: ["A1:H11", "A12:H25"] }) },
    { name: "no layout read: not checked", form: forms.formOf() },
  ],
  invalid: [
    { name: "the last rows left out", form: printForm({}, { printArea: ["A1:H15"] }), findings: [{ cell: "A16", messageId: "cut", data: { area: "A1:H15", what: { zh: "第 16–20 行", en: "rows 16–20" } } }] },
    { name: "the score and reason columns left out", form: printForm({}, { printArea: ["A1:F20"] }), findings: [{ cell: "G6", messageId: "cut", data: { what: { zh: "G、H 列", en: "columns G, H" } } }] },
  ],
});
}
