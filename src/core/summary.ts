import { labelOf } from "./forms/families";
import type { SheetResult } from "./result";
import type { FormKind } from "./forms/model";
import type { Message } from "./rules/types";
import { ruleByCode } from "./rules";
import { CROSS_CHECK_TITLES, isCrossCheckCode } from "./crossCheck";

/** Each family's label (from its file in src/core/forms/families/), and "not a form". */
export const KIND_LABEL: Record<FormKind, Message> = {
  "self-evaluation": labelOf("self-evaluation"),
  "self-evaluation-legacy": labelOf("self-evaluation-legacy"),
  targets: labelOf("targets"),
  "department-self-evaluation": labelOf("department-self-evaluation"),
  none: labelOf("none"),
};

export const SEVERITY_LABEL: Record<"error" | "warning" | "info", Message> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "notice" },
};

/** The indicator table as the JSON report and the task pane show it. */
export function indicatorSummaries(r: SheetResult) {
  return r.evaluations.map((e) => ({
    row: e.indicator.row,
    level1: e.indicator.level1,
    level2: e.indicator.level2,
    name: e.indicator.name,
    target: e.indicator.targetText,
    actual: e.indicator.actualText,
    weight: e.weight,
    score: e.score,
    suggested: e.suggested,
    mode: e.mode,
    met: e.met ?? null,
    completion: e.completion === undefined || e.completion === null ? null : Number(e.completion.toFixed(2)),
    tier: e.tier ?? null,
    placeholder: e.placeholder,
  }));
}

/** Ready to submit, or why not, in one sentence. */
export function statusOf(r: SheetResult): { ready: boolean; message: Message } {
  if (r.kind === "none") return { ready: false, message: { zh: "未识别到绩效表。", en: "No performance form recognised." } };
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const warnings = r.findings.filter((f) => f.severity === "warning").length;
  if (errors > 0) {
    return {
      ready: false,
      message: { zh: `尚不能提交：还有 ${errors} 个错误需要修改。`, en: `Not ready: ${errors} error(s) to correct.` },
    };
  }
  if (warnings > 0) {
    return {
      ready: true,
      message: { zh: `可以提交；有 ${warnings} 个警告，建议逐一核实。`, en: `Ready to submit; ${warnings} warning(s) worth a look.` },
    };
  }
  return { ready: true, message: { zh: "可以提交：未发现问题。", en: "Ready to submit: no problems found." } };
}

/** The print check before stamping (issue 19 §5): its findings are shown as a group of their own. */
export const PRINT_CHECK_TITLE: Message = { zh: "打印检查（盖章前）", en: "Print check before stamping" };

export const isPrintCheck = (code: string): boolean => ruleByCode(code)?.group === "print";

/** A finding code's name for people (缺少得分), for a reader who does not know the codes. */
export function codeTitle(code: string): Message {
  if (isCrossCheckCode(code)) return CROSS_CHECK_TITLES[code];
  return ruleByCode(code)?.title ?? { zh: code, en: code };
}
