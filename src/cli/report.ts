import { countBySeverity } from "../core/findingCounts";
import type { Finding } from "../core/rules/types";
import type { SheetResult } from "../core/engine";
import { figureLines, shownFigures } from "../core/shownFigures";
import { indicatorSummaries, isPrintCheck, KIND_LABEL, PRINT_CHECK_TITLE, SEVERITY_LABEL, statusOf } from "../core/summary";
import type { FileResult } from "../xlsx/checkWorkbook";
import type { Lang } from "./args";
import { visibleText } from "../core/text";

const pick = (lang: Lang) => (m: { zh: string; en: string }) => (lang === "zh-CN" ? m.zh : m.en);

/** This host's words for the fill action, after a finding the fill would put right. */
const FILL_HINT = { zh: "可用 --fix 自动填入（写出副本）。", en: " --fix writes it (in a copy)." };

function messageOf(x: Finding): { zh: string; en: string } {
  return x.fix === "fill" ? { zh: x.message.zh + FILL_HINT.zh, en: x.message.en + FILL_HINT.en } : x.message;
}

/**
 * The figures of a sheet in --json: each as the form states it and as computed, never one for the
 * other (`stated` null: the form leaves it blank; `computed` null: the checker cannot work it out).
 */
function jsonFigures(s: SheetResult) {
  const f = shownFigures(s);
  return {
    budget: s.figures?.budget || f.budgetScore.stated !== null ? { rate: f.rate, score: f.budgetScore } : null,
    total: f.total,
    grade: f.grade,
  };
}

/** The --json document, messages in the chosen language. */
export function toJson(files: FileResult[], lang: Lang) {
  const t = pick(lang);
  return {
    files: files.map((f) => ({
      file: f.file,
      ...(f.error ? { error: t(f.error) } : {}),
      ...(f.out ? { out: f.out } : {}),
      ...(f.note ? { note: t(f.note) } : {}),
      sheets: f.sheets.map((s) => ({
        sheet: s.sheet,
        ...(s.hidden ? { hidden: true } : {}),
        kind: s.kind,
        ...jsonFigures(s),
        indicators: indicatorSummaries(s),
        findings: s.findings.map((x) => ({ code: x.code, severity: x.severity, cell: x.cell, message: t(messageOf(x)), ...(isPrintCheck(x.code) ? { group: "print" } : {}) })),
        ...(s.written ? { written: s.written.map((w) => ({ cell: w.cell, value: w.value, purpose: w.purpose })) } : {}),
      })),
    })),
  };
}

const ICON = { error: "✖", warning: "▲", info: "·" } as const;

export function toText(files: FileResult[], lang: Lang): string {
  const t = pick(lang);
  const zh = lang === "zh-CN";
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`━━ ${f.file}`);
    if (f.error && f.sheets.length === 0) {
      lines.push(zh ? `  无法读取：${t(f.error)}` : `  Cannot read: ${t(f.error)}`);
      lines.push("");
      continue;
    }
    for (const s of f.sheets) {
      // A sheet the workbook hides is said to be hidden: a person looking for it in Excel must unhide it first.
      const title = zh ? `  工作表「${s.sheet}」${s.hidden ? "（隐藏）" : ""}：${t(KIND_LABEL[s.kind])}` : `  Sheet "${s.sheet}"${s.hidden ? " (hidden)" : ""}: ${t(KIND_LABEL[s.kind])}`;
      lines.push(title);
      if (s.kind === "none") continue;
      // Each figure as the form states it and as computed: 总分 92.61（表内）· 核算 91.61, 总分（建议）94.33.
      const figs = figureLines(s);
      if (figs.length > 0) lines.push(`    ${figs.map(t).join(zh ? "；" : "; ")}`);
      lines.push(zh ? `    指标 ${s.evaluations.filter((e) => !e.placeholder).length} 个` : `    ${s.evaluations.filter((e) => !e.placeholder).length} indicators`);
      const c = countBySeverity(s.findings);
      lines.push(
        zh
          ? `    错误 ${c.error}，警告 ${c.warning}，提示 ${c.info} —— ${t(statusOf(s).message)}`
          : `    ${c.error} errors, ${c.warning} warnings, ${c.info} notices — ${t(statusOf(s).message)}`,
      );
      if (s.written && s.written.length > 0) {
        lines.push(zh ? `    已填写 ${s.written.length} 个单元格：${s.written.map((w) => w.cell).join("、")}` : `    Filled ${s.written.length} cells: ${s.written.map((w) => w.cell).join(", ")}`);
      }
      const line = (x: (typeof s.findings)[number]) => `    ${ICON[x.severity]} ${t(SEVERITY_LABEL[x.severity])} ${x.cell.padEnd(5)} ${t(messageOf(x))} [${x.code}]`;
      for (const x of s.findings) if (!isPrintCheck(x.code)) lines.push(line(x));
      // The print check before stamping, after the form's own findings, under its heading.
      const printed = s.findings.filter((x) => isPrintCheck(x.code));
      if (printed.length > 0) {
        lines.push(`    ${t(PRINT_CHECK_TITLE)}${zh ? "：" : ":"}`);
        for (const x of printed) lines.push(line(x));
      }
    }
    if (f.error) lines.push(zh ? `  未写出副本：${t(f.error)}` : `  No copy written: ${t(f.error)}`);
    else if (f.out) lines.push(zh ? `  已写出副本：${f.out}` : `  Copy written to ${f.out}`);
    if (f.note && !f.error) lines.push(`  ${t(f.note)}`);
    lines.push("");
  }
  if (files.length > 1) {
    const unreadable = files.filter((f) => f.error).length;
    const withErrors = files.filter((f) => !f.error && f.sheets.some((s) => s.findings.some((x) => x.severity === "error"))).length;
    lines.push(textTrailer({ files: files.length, unreadable, withErrors }, lang));
  }
  return lines.map(visible).join("\n");
}

/** The last line of a report over several files. */
export function textTrailer(c: { files: number; unreadable: number; withErrors: number }, lang: Lang): string {
  const ok = c.files - c.unreadable - c.withErrors;
  return lang === "zh-CN"
    ? `共 ${c.files} 个文件：无错误 ${ok} 个，有错误 ${c.withErrors} 个，无法读取 ${c.unreadable} 个。`
    : `${c.files} files: ${ok} without errors, ${c.withErrors} with errors, ${c.unreadable} unreadable.`;
}

/** Text from workbooks shown as text: controls and invisible format characters as escapes (core/text.ts). */
export const visible = visibleText;
