import { ruleByCode } from "./rules";
import type { Finding } from "./rules/types";
import { DRAFT_MARKER } from "./scoring/evaluation";

export type { CellWrite, Mark, MarkCondition, WritePlan, WritePurpose } from "./planTypes";
import type { Mark, MarkCondition } from "./planTypes";

/** Every mark and note the add-in writes starts with this tag, so 清除标记 finds its own. */
const MARK_TAG = "jixiao";
export const NOTE_PREFIX = { zh: "【绩效自评助手】", en: "[jixiao] " };

/** One mark per cell holding an error or a warning; an error outranks a warning. */
export function marksFor(findings: Finding[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const cond = f.mark ?? ruleByCode(f.code)?.mark ?? "static";
    const m = byCell.get(f.cell);
    if (!m) {
      byCell.set(f.cell, {
        cell: f.cell,
        severity: f.severity,
        codes: [f.code],
        condition: cond,
        note: { zh: f.message.zh, en: f.message.en },
      });
      continue;
    }
    m.codes.push(f.code);
    if (f.severity === "error") m.severity = "error";
    // A mark that can clear itself must not hide a problem that cannot.
    if (m.condition !== cond) m.condition = "static";
    m.note = { zh: `${m.note.zh}\n${f.message.zh}`, en: `${m.note.en}\n${f.message.en}` };
  }
  return [...byCell.values()];
}

/**
 * The conditional-format formula for a mark on `cell` (an A1 address without $): true while the
 * problem stands. `N("jixiao")` is 0 and changes nothing; it tags the rule as ours so that clearing
 * the marks finds exactly the add-in's rules and leaves the user's own formatting alone.
 */
export function markFormula(cell: string, condition: MarkCondition): string {
  const tag = `N("${MARK_TAG}")=0`;
  switch (condition) {
    case "blank":
      return `=AND(${tag},LEN(TRIM(${cell}))=0)`;
    case "blank-or-draft":
      return `=AND(${tag},OR(LEN(TRIM(${cell}))=0,ISNUMBER(SEARCH("${DRAFT_MARKER}",${cell}))))`;
    case "static":
      return `=AND(${tag},TRUE)`;
  }
}

export function isOwnFormula(formula: string | undefined | null): boolean {
  return !!formula && formula.includes(`N("${MARK_TAG}")`);
}

export const MARK_COLORS: Record<Mark["severity"], { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};
