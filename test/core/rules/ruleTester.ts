/**
 * Our RuleTester, after ESLint's: one rule run alone over a table of small forms.
 *
 *   ruleTester.run(rule, {
 *     valid: [{ name, form }],
 *     invalid: [{ name, form, findings: [{ cell, messageId, data? }] }],
 *   });
 *
 * `form` is a sheet snapshot (from the builders in test/builders); the form is read from it as the
 * engine reads it (ruleContextOf), and only this rule runs, so a case never depends on what the other
 * rules think of the same form. The harness fails a table where
 * - a valid case reports anything, or an invalid case reports other than its findings (cell,
 *   message id and the data given, in order) — an invalid case that reports nothing fails too;
 * - a reported message id is not among the rule's messages, or one of its messages is never reported
 *   by any invalid case;
 * - a message's Chinese and English texts differ in their placeholders, or a report leaves one unfilled;
 * - two cases are the same form with the same settings.
 */
import { ruleContextOf } from "../../../src/core/engine";
import type { SettingsInput } from "../../../src/core/settings";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { placeholdersOf, type Descriptor, type Message, type MessageData, type Rule } from "../../../src/core/rules/types";

export interface ValidCase {
  name: string;
  form: SheetSnapshot;
  settings?: SettingsInput;
}

export interface ExpectedFinding {
  cell: string;
  messageId: string;
  /** The data the report must carry (these keys; others are not compared). */
  data?: MessageData;
  /** The rule offers the fill action for it. */
  fix?: "fill";
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/** What the rule reports on one form, alone. */
export function reportsOf(rule: Rule, form: SheetSnapshot, settings?: SettingsInput): Descriptor[] {
  const read = ruleContextOf(form, settings);
  if (!read.ctx) throw new Error(`${rule.code}: the case's sheet holds no form the engine recognises`);
  const out: Descriptor[] = [];
  rule.run(read.ctx, (d) => out.push(d));
  return out;
}

const sameSet = (a: string[], b: string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** Problems with a rule's messages themselves: placeholders that differ between the languages. */
export function messageProblems(messages: Readonly<Record<string, Message>>): string[] {
  const out: string[] = [];
  for (const [id, m] of Object.entries(messages)) {
    if (!m.zh || !m.en) out.push(`${id}: a language is missing`);
    if (!sameSet(placeholdersOf(m.zh), placeholdersOf(m.en))) out.push(`${id}: zh {${placeholdersOf(m.zh).join(", ")}} and en {${placeholdersOf(m.en).join(", ")}} differ`);
  }
  return out;
}

/** Problems with one report: an unknown id, a placeholder left without a value. */
export function reportProblems(rule: Rule, d: Descriptor): string[] {
  const template = rule.messages[d.messageId];
  if (!template) return [`unknown message id "${d.messageId}"`];
  const missing = placeholdersOf(`${template.zh}${template.en}`).filter((p) => d.data?.[p] === undefined);
  return missing.length > 0 ? [`"${d.messageId}" leaves {${[...new Set(missing)].join(", ")}} unfilled`] : [];
}

const caseKey = (c: ValidCase) => JSON.stringify([c.form, c.settings ?? null]);

/** The table's own faults, found before any case runs. */
export function tableProblems(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const k = caseKey(c);
    if (seen.has(k)) out.push(`"${c.name}" is the same case as "${seen.get(k)}"`);
    else seen.set(k, c.name);
  }
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  for (const n of new Set(names)) if (names.filter((x) => x === n).length > 1) out.push(`two cases are named "${n}"`);
  for (const c of cases.invalid) if (c.findings.length === 0) out.push(`invalid case "${c.name}" lists no finding`);
  const used = new Set(cases.invalid.flatMap((c) => c.findings.map((f) => f.messageId)));
  for (const id of Object.keys(rule.messages)) if (!used.has(id)) out.push(`message "${id}" is reported by no invalid case`);
  for (const c of cases.invalid) for (const f of c.findings) if (!rule.messages[f.messageId]) out.push(`"${c.name}" expects unknown message id "${f.messageId}"`);
  out.push(...messageProblems(rule.messages));
  return out;
}

const shown = (ds: Descriptor[]) => ds.map((d) => ({ cell: d.cell, messageId: d.messageId }));

export const ruleTester = {
  run(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    describe(rule.code, () => {
      test("the table: distinct cases, every message reported, placeholders alike in both languages", () => {
        expect(tableProblems(rule, cases)).toEqual([]);
      });
      if (cases.valid.length > 0) {
        describe("valid", () => {
          test.each(cases.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
            expect(shown(reportsOf(rule, c.form, c.settings))).toEqual([]);
          });
        });
      }
      describe("invalid", () => {
        test.each(cases.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
          const got = reportsOf(rule, c.form, c.settings);
          expect(got.flatMap((d) => reportProblems(rule, d))).toEqual([]);
          expect(shown(got)).toEqual(c.findings.map((f) => ({ cell: f.cell, messageId: f.messageId })));
          c.findings.forEach((f, i) => {
            if (f.data) expect(got[i].data).toMatchObject(f.data);
            if (f.fix) expect(got[i].fix).toBe(f.fix);
          });
        });
      });
    });
  },
};
