import type { SheetResult } from "./result";
import { hasTrait } from "./forms/traits";
import type { Form, Indicator } from "./forms/model";
import type { Finding, Message, Severity } from "./rules/types";
import type { Settings } from "./settings";
import { toHalfWidth } from "./text";
import type { ParsedValue } from "./values/types";
import { convertUnit } from "./values/units";
import { fmt2, round2 } from "./numbers";
import { earnedShare, isMet } from "./scoring/quantitative";

/**
 * The self-evaluation against the targets declared for it (RULES-2 §10): 财预〔2015〕88号 第二十八条, a
 * target once approved is generally not changed. When a target declaration and a self-evaluation of
 * the same project are checked together (two sheets, or two files), their indicators are matched by
 * name and their targets compared as parsed values, so a difference of writing only is no change.
 */

const CROSS_CHECK_CODES = {
  "target-changed": { zh: "自评表的年度指标值与绩效目标表申报的不一致。", en: "The self-evaluation's target differs from the declared one." },
  "indicator-removed": { zh: "绩效目标表申报的指标在自评表中没有对应指标。", en: "A declared indicator is missing from the self-evaluation." },
  "indicator-added": { zh: "自评表的指标不在绩效目标表中。", en: "A self-evaluation indicator was not declared." },
  "target-adjusted": {
    zh: "自评表在调整指标值栏中列明了对申报指标值的调整（提示）。",
    en: "The self-evaluation shows an adjustment of the declared target in its adjusted-target column (notice).",
  },
} as const satisfies Record<string, Message>;

type CrossCheckCode = keyof typeof CROSS_CHECK_CODES;

/** The cross-check's codes by name, as the rules' titles name theirs. */
export const CROSS_CHECK_TITLES: Record<CrossCheckCode, Message> = {
  "target-changed": { zh: "指标值与申报不一致", en: "Target differs from the declaration" },
  "indicator-removed": { zh: "申报指标缺失", en: "Declared indicator missing" },
  "indicator-added": { zh: "新增未申报指标", en: "Indicator not declared" },
  "target-adjusted": { zh: "指标值已调整", en: "Target adjusted" },
};

/** A finding of the cross-check (not of a rule of its own sheet). */
export const isCrossCheckCode = (code: string): code is CrossCheckCode => code in CROSS_CHECK_CODES;

/** The same project: NFKC, no white space, no leading project code ("51000021R000000019951-"). */
export function projectKey(name: string | null | undefined): string {
  const s = (name ?? "").normalize("NFKC").replace(/\s+/g, "");
  return s.replace(/^[0-9A-Za-z]{8,}[-_—–:：]/, "");
}

/** Indicators match by their 三级指标 name, whatever their level (a 2024 declaration files 成本指标 first). */
function indicatorKey(name: string): string {
  return toHalfWidth(name.normalize("NFKC"))
    .replace(/[\s"'“”‘’()（）[\]【】《》,，.。:：;；、!！?？·\-_—]/g, "")
    .toLowerCase();
}

/** A self-evaluation states its targets beside what it achieved; a declaration states them alone. */
const isStated = (r: SheetResult): r is SheetResult & { form: Form } => r.form !== null && hasTrait(r.form, "targets") && hasTrait(r.form, "actuals");
const isDeclared = (r: SheetResult): r is SheetResult & { form: Form } => r.form !== null && hasTrait(r.form, "declaration");

/** Whether two targets say the same once read: comparator, number after unit conversion, or the text. */
export function sameTarget(a: ParsedValue, b: ParsedValue): boolean {
  if (a.kind === "quantity" && b.kind === "quantity") {
    if (a.op !== b.op) return false;
    const conv = convertUnit(b.value, b.unit, a.unit);
    if (!conv) return false;
    return Math.abs(conv.value - a.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
  }
  const text = (v: ParsedValue) => (v.kind === "empty" ? "" : indicatorKey(v.text));
  if (a.kind === "quantity" || b.kind === "quantity") return false;
  return text(a) === text(b);
}

const shown = (ind: Indicator) => ind.targetText.trim() || "（空）";

interface CrossFindings {
  declared: Finding[];
  stated: Finding[];
}

type CrossSettings = Pick<Settings, "crossCheckSeverity" | "rounding" | "reverseFormula">;

/**
 * A target changed so that a missed one now reads as met (RULES-2 §11.2): what the row scores under
 * the declared target, said with the change.
 */
function underDeclared(declaredTarget: ParsedValue, e: SheetResult["evaluations"][number] | undefined, ind: Indicator, settings: CrossSettings): Message | null {
  if (!e || e.met !== true || e.actual === undefined || declaredTarget.kind !== "quantity") return null;
  const conv = convertUnit(e.actual, e.unit ?? "", declaredTarget.unit);
  if (!conv || isMet(declaredTarget.op, declaredTarget.value, conv.value)) return null;
  const score = e.weight === null ? null : round2(e.weight * earnedShare(declaredTarget.op, declaredTarget.value, conv.value, settings.reverseFormula), settings.rounding);
  const zhScore = score === null ? "" : `，按申报值建议得分 ${fmt2(score)}（分值 ${fmt2(e.weight!)}）`;
  const enScore = score === null ? "" : `; under it the suggested score is ${fmt2(score)} of ${fmt2(e.weight!)}`;
  return { zh: `按申报的指标值，实际 ${ind.actualText} 未完成目标${zhScore}。`, en: ` Under the declared target the actual ${ind.actualText} misses it${enScore}.` };
}

/** Compare one self-evaluation with the declaration of its project. */
export function crossCheck(declared: SheetResult, stated: SheetResult, settings: CrossSettings): CrossFindings {
  const out: CrossFindings = { declared: [], stated: [] };
  if (!declared.form || !stated.form) return out;
  const severity: Severity = settings.crossCheckSeverity;
  const finding = (code: CrossCheckCode, cell: string, row: number, message: Message): Finding => ({ code, severity, cell, row, message });
  // Linear in the indicators, however many share a name: lists pushed to, and taken from by a cursor.
  const pool = new Map<string, { list: Indicator[]; next: number }>();
  for (const ind of declared.form.indicators) {
    const k = indicatorKey(ind.name);
    if (k === "") continue;
    const entry = pool.get(k);
    if (entry) entry.list.push(ind);
    else pool.set(k, { list: [ind], next: 0 });
  }
  const evalOf = new Map(stated.evaluations.map((e) => [e.indicator.row, e]));
  const sheetName = declared.sheet;
  for (const ind of stated.form.indicators) {
    const k = indicatorKey(ind.name);
    if (k === "") continue;
    const entry = pool.get(k);
    const match = entry && entry.next < entry.list.length ? entry.list[entry.next++] : undefined;
    if (!match) {
      out.stated.push(
        finding("indicator-added", ind.nameCell, ind.row, {
          zh: `第${ind.row}行“${ind.name}”不在绩效目标表（${sheetName}）申报的指标中：新增指标须按程序报批。`,
          en: `row ${ind.row} "${ind.name}" is not among the indicators declared in the target form (${sheetName}).`,
        }),
      );
      continue;
    }
    // A change the form shows openly (年初指标值 as declared, 调整指标值 beside it) is a notice, not a
    // quiet change (RULES-2 §10.3); the original then is what must equal the declaration.
    const initial = ind.initialTarget;
    if (initial && !sameTarget(match.target, ind.target) && sameTarget(match.target, initial.parsed)) {
      out.stated.push({
        ...finding("target-adjusted", ind.targetCell, ind.row, {
          zh: `第${ind.row}行“${ind.name}”的指标值由申报的“${shown(match)}”调整为“${shown(ind)}”（调整指标值栏）：请确认调整已按程序报批。`,
          en: `row ${ind.row} "${ind.name}": the declared target "${shown(match)}" is adjusted to "${shown(ind)}" in the adjusted column; make sure the adjustment was approved.`,
        }),
        severity: "info",
      });
      continue;
    }
    if (initial && !sameTarget(match.target, initial.parsed)) {
      const before = initial.text.trim() || "（空）";
      out.stated.push(
        finding("target-changed", initial.cell, ind.row, {
          zh: `第${ind.row}行“${ind.name}”的年初指标值为“${before}”，绩效目标表申报的是“${shown(match)}”：年初指标值应与申报一致，调整写在调整指标值栏（财预〔2015〕88号第二十八条）。`,
          en: `row ${ind.row} "${ind.name}": the initial target reads "${before}", the declared one "${shown(match)}"; the initial target should be the declared one.`,
        }),
      );
      continue;
    }
    if (!sameTarget(match.target, ind.target)) {
      const lowered = underDeclared(match.target, evalOf.get(ind.row), ind, settings);
      out.stated.push(
        finding("target-changed", ind.targetCell, ind.row, {
          zh: `第${ind.row}行“${ind.name}”的年度指标值为“${shown(ind)}”，绩效目标表申报的是“${shown(match)}”：目标确定后一般不予调整，确需调整的应按程序报批（财预〔2015〕88号第二十八条）。${lowered?.zh ?? ""}`,
          en: `row ${ind.row} "${ind.name}": the target reads "${shown(ind)}", the declared one "${shown(match)}"; an approved target is not changed without approval.${lowered?.en ?? ""}`,
        }),
      );
    }
  }
  for (const { list, next } of pool.values()) {
    for (const ind of list.slice(next)) {
      out.declared.push(
        finding("indicator-removed", ind.targetCell, ind.row, {
          zh: `第${ind.row}行“${ind.name}”（申报指标值“${shown(ind)}”）在自评表（${stated.sheet}）中没有对应指标。`,
          en: `row ${ind.row} "${ind.name}" (declared "${shown(ind)}") has no counterpart in the self-evaluation (${stated.sheet}).`,
        }),
      );
    }
  }
  return out;
}

interface Located {
  /** Where the sheet came from (a file), so that a declaration in the same file is preferred. */
  source: string;
  result: SheetResult;
}

/** What pairing needs of a sheet: where it came from, which side it can be, and its project. */
export interface PairKey {
  source: string;
  side: "declared" | "stated" | null;
  project: string | null | undefined;
}

export function pairKeyOf(source: string, r: SheetResult): PairKey {
  return { source, side: isDeclared(r) ? "declared" : isStated(r) ? "stated" : null, project: r.form?.projectName };
}

/**
 * The pairs to compare among all the sheets checked together: each self-evaluation with the target
 * declaration of the same project, one in its own file first. Indexes into `keys`. Only the keys are
 * needed, so a batch can pair its sheets without holding their results.
 */
export function pairsOf(keys: readonly PairKey[]): Array<{ declared: number; stated: number }> {
  const pairs: Array<{ declared: number; stated: number }> = [];
  // Declarations by project, once: a province's batch pairs in linear time.
  const byProject = new Map<string, Array<{ source: string; j: number }>>();
  keys.forEach((d, j) => {
    if (d.side !== "declared") return;
    const key = projectKey(d.project);
    const list = byProject.get(key);
    if (list) list.push({ source: d.source, j });
    else byProject.set(key, [{ source: d.source, j }]);
  });
  keys.forEach((s, i) => {
    if (s.side !== "stated") return;
    const key = projectKey(s.project);
    if (key === "") return;
    const candidates = byProject.get(key) ?? [];
    const chosen = candidates.find((d) => d.source === s.source) ?? candidates[0];
    if (chosen) pairs.push({ declared: chosen.j, stated: i });
  });
  return pairs;
}

export function crossCheckPairs(sheets: Located[]): Array<{ declared: number; stated: number }> {
  return pairsOf(sheets.map((s) => pairKeyOf(s.source, s.result)));
}

/**
 * Every cross-check among the sheets, its findings added to the sheets they concern (sorted by row);
 * `pairs` when they were made over a larger set (a batch's component, paired with the whole batch).
 */
export function withCrossChecks(sheets: Located[], settings: CrossSettings, pairs = crossCheckPairs(sheets)): SheetResult[] {
  const added = sheets.map(() => [] as Finding[]);
  for (const p of pairs) {
    const f = crossCheck(sheets[p.declared].result, sheets[p.stated].result, settings);
    added[p.declared].push(...f.declared);
    added[p.stated].push(...f.stated);
  }
  return sheets.map((s, i) => {
    if (added[i].length === 0) return s.result;
    const order = { error: 0, warning: 1, info: 2 } as const;
    const rowOf = (f: Finding) => f.row ?? Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
    const findings = [...s.result.findings, ...added[i]].sort((a, b) => order[a.severity] - order[b.severity] || rowOf(a) - rowOf(b));
    return { ...s.result, findings };
  });
}

/**
 * Every file checked together, each self-evaluation compared with the declaration of its project:
 * what the command does over its inputs and the web checker over the files chosen together.
 */
export function crossCheckFiles<F extends { file: string; sheets: Array<SheetResult & { written?: unknown }> }>(
  files: readonly F[],
  settings: CrossSettings,
  pairs?: Array<{ declared: number; stated: number }>,
): F[] {
  const located = files.flatMap((f) => f.sheets.map((result) => ({ source: f.file, result })));
  const checked = withCrossChecks(located, settings, pairs ?? crossCheckPairs(located));
  let i = 0;
  return files.map((f) => ({ ...f, sheets: f.sheets.map((s) => ({ ...s, ...checked[i++] })) }));
}

/**
 * A file's cross-check findings that a copy marks besides its own, by sheet (notices are not marked,
 * so they are left out, as are sheets without any).
 */
export function crossFindingsBySheet(f: { sheets: SheetResult[] }): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const s of f.sheets) {
    const cross = s.findings.filter((x) => isCrossCheckCode(x.code) && x.severity !== "info");
    if (cross.length > 0) out[s.sheet] = cross;
  }
  return out;
}
