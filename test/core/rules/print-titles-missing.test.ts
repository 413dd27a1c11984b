/**
 * print-titles-missing (info, at the header cell) — issue 19 §5: the form prints on more than one
 * page and its header rows are not set to repeat at the top of each page.
 */
import rule from "../../../src/core/rules/print-titles-missing";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { printForm } from "./printSupport";

// Twenty rows of 40 pt: 800 pt, two pages of A4 landscape (523 pt printable).
const tall = { defaultRowHeight: 40 };

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "one page", form: printForm() },
    { name: "two pages, header rows repeated", form: printForm(tall) },
    { name: "two pages of rows fitted to one page tall", form: printForm(tall, { titleRows: null, fitTo: { width: 1, height: 1 } }) },
    { name: "no layout read: not checked", form: forms.formOf() },
    { name: "repeated rows 11–12 include the header", form: printForm(tall, { titleRows: { first: 11, last: 12 } }) },
  ],
  invalid: [
    { name: "two pages, nothing repeated", form: printForm(tall, { titleRows: null }), findings: [{ cell: "A12", messageId: "none", data: { pages: 2, first: 12, last: 12 } }] },
    { name: "two pages, the title rows repeated instead", form: printForm(tall, { titleRows: { first: 1, last: 2 } }), findings: [{ cell: "A12", messageId: "elsewhere", data: { pages: 2, setFirst: 1, setLast: 2 } }] },
    { name: "portrait at 200 %: four pages", form: printForm({}, { titleRows: null, scale: 200 }), findings: [{ cell: "A12", messageId: "none", data: { pages: 2 } }] },
  ],
});
}
