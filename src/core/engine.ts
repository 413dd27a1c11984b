import { Grid } from "./grid";
import type { SheetResult } from "./result";
import { recognise } from "./forms/recognise";
import { formulaCellsOf } from "./forms/families";
import { RULES } from "./rules";
import { formatMessage, type Descriptor, type Finding, type Rule, type RuleContext } from "./rules/types";
import { evaluate } from "./scoring/evaluate";
import { computeFigures } from "./scoring/figures";
import { resolveSettings, type SettingsInput } from "./settings";
import { recalculate } from "./recalc";
import { SheetGeometry } from "./print/geometry";
import type { SheetSnapshot } from "./snapshot";
import type { ReadMemo } from "./values/readMemo";

export type { SheetResult } from "./result";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * What every rule is given, read from a sheet: its form (recognised, formulas recomputed where the
 * file holds no result), every row evaluated, the figures. Null when the sheet holds no form. The
 * engine runs all rules on it; the rule tester (test/core/rules/ruleTester.ts) runs one.
 */
export function ruleContextOf(
  snapshot: SheetSnapshot,
  settingsInput?: SettingsInput,
  /** A fill's memo, shared by its reads of the sheet before and after its writes. */
  memo?: ReadMemo,
): { ctx: RuleContext; unchecked: string[]; sheet: string; hidden?: true } | { ctx: null; sheet: string; hidden?: true } {
  const settings = resolveSettings(settingsInput);
  // Formula results a file does not hold (or holds stale) are computed where the engine can.
  const { snapshot: snap, unknown } = recalculate(snapshot);
  const grid = new Grid(snap, memo);
  const found = recognise(grid);
  const hidden = snap.hidden ? { hidden: true as const } : {};
  if (!found) return { ctx: null, sheet: snap.name, ...hidden };
  // A Set: a file written without formula results (openpyxl) has thousands of them, each looked up.
  const unknownCells = unknown.length > 0 ? new Set(unknown) : null;
  const unchecked = unknownCells ? formulaCellsOf(found).filter((c) => unknownCells.has(c)) : [];
  const form = unchecked.length > 0 ? { ...found, uncheckedFormulas: unchecked } : found;
  const evaluations = evaluate(form, settings);
  const figures = computeFigures(form, evaluations, settings);
  const geometry = snap.layout ? new SheetGeometry(snap.layout) : null;
  return { ctx: { form, evals: evaluations, figures, settings, grid, geometry }, unchecked, sheet: snap.name, ...hidden };
}

type SheetRead = ReturnType<typeof ruleContextOf>;

/** Check one sheet: recognise the form, evaluate every row, run every rule. Pure. */
export function analyzeSheet(snapshot: SheetSnapshot, settingsInput?: SettingsInput): SheetResult {
  return resultOf(ruleContextOf(snapshot, settingsInput), settingsInput);
}

/**
 * What a read sheet gives before any rule runs: its form, evaluations and figures, no findings. For
 * what needs no findings (the fill's writes come from these alone); a sheet's check is resultOf.
 */
export function unruledResultOf(read: SheetRead, settingsInput?: SettingsInput): SheetResult {
  const hidden = read.hidden ? { hidden: true } : {};
  if (!read.ctx) return { sheet: read.sheet, kind: "none", form: null, evaluations: [], figures: null, findings: [], settings: resolveSettings(settingsInput), ...hidden };
  const { form, evals, figures, settings } = read.ctx;
  return { sheet: read.sheet, kind: form.kind, form, evaluations: evals, figures, findings: [], settings, ...hidden };
}

/** A read sheet's check: every rule run on it. */
export function resultOf(read: SheetRead, settingsInput?: SettingsInput): SheetResult {
  if (!read.ctx) return unruledResultOf(read, settingsInput);
  const { ctx, unchecked } = read;
  const { form, evals: evaluations, figures, settings } = ctx;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    // The print check as the settings ask: notices (its rules' own severity), warnings, or not made.
    const print = rule.group === "print";
    if (print && settings.printCheck === "off") continue;
    const severity = print && settings.printCheck === "warning" ? "warning" : rule.severity;
    rule.run(ctx, (d) => findings.push(findingOf(rule, d, severity)));
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rowOf(a) - rowOf(b));
  // A figure whose formula result is unknown is not reported wrong on a guess: formula-unchecked says so.
  const uncheckedCells = unchecked.length > 0 ? new Set(unchecked) : null;
  const kept = uncheckedCells ? findings.filter((x) => !(FORMULA_FIGURES.has(x.code) && uncheckedCells.has(x.cell))) : findings;
  return { sheet: read.sheet, kind: form.kind, form, evaluations, figures, findings: kept, settings, ...(read.hidden ? { hidden: true } : {}) };
}

/** A reported descriptor as the finding the hosts show: its message filled in both languages. */
function findingOf(rule: Rule, d: Descriptor, severity: Finding["severity"] = rule.severity): Finding {
  const template = rule.messages[d.messageId];
  if (!template) throw new Error(`${rule.code}: no message "${d.messageId}"`);
  const { cell, row, fix, mark } = d;
  return { code: rule.code, severity, cell, message: formatMessage(template, d.data), ...(row !== undefined ? { row } : {}), ...(fix ? { fix } : {}), ...(mark ? { mark } : {}) };
}

const FORMULA_FIGURES = new Set(RULES.filter((r) => r.formulaFigure).map((r) => r.code));

function rowOf(f: Finding): number {
  return f.row ?? Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
}

