/**
 * print-hidden-content (info, at the first filled cell) — issue 19 §5: a hidden row or column within
 * the form holds something, which neither prints nor is seen.
 */
import rule from "../../../src/core/rules/print-hidden-content";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { printForm } from "./printSupport";

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "nothing hidden", form: printForm() },
    { name: "a hidden column right of the form", form: printForm({ cols: [{ min: 2, max: 2, width: 130 }, { min: 9, max: 12, hidden: true }] }) },
    { name: "a hidden row below the form", form: printForm({ rows: [{ row: 30, hidden: true }] }) },
    { name: "no layout read: not checked", form: forms.formOf() },
  ],
  invalid: [
    { name: "an indicator row hidden", form: printForm({ rows: [{ row: 14, hidden: true }] }), findings: [{ cell: "B14", messageId: "row", data: { row: 14, text: "质量指标" } }] },
    { name: "a row of zero height", form: printForm({ rows: [{ row: 16, height: 0 }] }), findings: [{ cell: "A16", messageId: "row", data: { row: 16 } }] },
    { name: "the 实际完成值 column hidden", form: printForm({ cols: [{ min: 2, max: 2, width: 130 }, { min: 5, max: 5, hidden: true }] }), findings: [{ cell: "E4", messageId: "col", data: { col: "E", text: "实施单位" } }] },
  ],
});
}
