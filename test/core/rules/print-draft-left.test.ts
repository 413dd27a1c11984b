/**
 * print-draft-left (info, at the cell) — issue 19 §5: a draft marker 【待补充原因】 is still in the
 * sheet, to be replaced before printing and stamping. Needs no layout.
 */
import rule from "../../../src/core/rules/print-draft-left";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "no draft", form: forms.formOf() },
    { name: "a reason written", form: forms.formWithRows({ 0: { reason: "设备到货延期" } }) },
  ],
  invalid: [
    { name: "a drafted reason", form: forms.formWithRows({ 0: { reason: "【待补充原因】目标 ≥25.00(项)" } }), findings: [{ cell: "H13", messageId: "left", data: { cell: "H13", marker: "【待补充原因】" } }] },
    {
      name: "two drafts",
      form: forms.formWithRows({ 1: { reason: "【待补充原因】" }, 3: { reason: "原因：【待补充原因】" } }),
      findings: [
        { cell: "H14", messageId: "left", data: { cell: "H14" } },
        { cell: "H16", messageId: "left", data: { cell: "H16" } },
      ],
    },
  ],
});
}
