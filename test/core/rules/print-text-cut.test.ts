/**
 * print-text-cut (info, at the cell) — issue 19 §5: a cell's content does not fit on paper: wrapped
 * text in a row of fixed height, unwrapped text stopped by the next cell, a number shown as ####.
 */
import rule from "../../../src/core/rules/print-text-cut";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { laidOut, printForm, withReason } from "./printSupport";

/** Thirty Chinese characters: five lines of seven in a 90 pt column. */
const LONG = "受疫情影响部分采购延期至次年一季度完成，已督促供应商加快进度并调整付款节点计划安排";

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "everything fits", form: printForm() },
    { name: "a long wrapped reason in a row Excel grows", form: withReason(LONG, { wrapped: ["H13"] }) },
    { name: "a long wrapped reason in a fixed row tall enough", form: withReason(LONG, { wrapped: ["H13"], rows: [{ row: 13, height: 120, fixed: true }] }) },
    { name: "a long unwrapped reason with nothing to its right", form: withReason(LONG) },
    { name: "a long number in General, which Excel shows shortened (1.23457E+14)", form: laidOut(forms.formWithRows({ 0: { actual: 123456789012345 } })) },
    { name: "no layout read: not checked", form: forms.formWithRows({ 0: { reason: LONG } }) },
  ],
  invalid: [
    {
      name: "a long wrapped reason in a fixed row of one line",
      form: withReason(LONG, { wrapped: ["H13"], rows: [{ row: 13, height: 20, fixed: true }] }),
      findings: [{ cell: "H13", messageId: "height", data: { cell: "H13", room: 1, rows: "13" } }],
    },
    {
      name: "a long indicator name stopped by the target beside it",
      form: laidOut(forms.formWithRows({ 0: { name: "很长很长的三级指标名称超过列宽" } })),
      findings: [{ cell: "C13", messageId: "width", data: { cell: "C13" } }],
    },
    {
      name: "a number wider than its column (General would shorten it; a fixed format cannot)",
      form: laidOut(forms.formWithRows({ 0: { actual: 123456789012.5, actualFormat: "#,##0.00" } })),
      findings: [{ cell: "E13", messageId: "number", data: { cell: "E13" } }],
    },
    {
      name: "every column 40 pt wide: five cells said, the other 37 counted in one",
      form: printForm({ defaultColWidth: 40, cols: [] }, { fitTo: { width: 1, height: 0 } }),
      findings: [
        { cell: "A3", messageId: "width" },
        { cell: "A4", messageId: "width" },
        { cell: "E4", messageId: "width" },
        { cell: "C5", messageId: "width" },
        { cell: "D5", messageId: "width" },
        { cell: "E5", messageId: "more", data: { count: 37, cells: "E5、G5、B6、B7、B8、B9、A12、B12…" } },
      ],
    },
  ],
});
}
