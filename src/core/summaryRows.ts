import { countBySeverity } from "./findingCounts";
import type { SheetResult } from "./result";
import type { Finding, Message } from "./rules/types";
import { shownFigures, type Figure } from "./shownFigures";
import { KIND_LABEL, statusOf } from "./summary";

/**
 * The reviewer's table, one row per form sheet and one per file without one: what the summary
 * workbook (汇总), the CSV summary and the web checker's table all show. Hosts only lay it out.
 */

/** A checked file as the hosts hold it (the .xlsx adapter's FileResult has this shape). */
export interface CheckedFile {
  file: string;
  error?: Message;
  sheets: SheetResult[];
}

export type RowStatus = "ready" | "needs-work" | "unreadable" | "no-form";

export interface SummaryRow {
  file: string;
  /** The sheet, or the sheets' names joined by 、 for a file with no form; "" for an unreadable one. */
  sheet: string;
  kind: Message;
  projectName: string;
  /** 主管部门 / 实施单位, as the form states them, without repeating one that is both. */
  who: string;
  /** 预算执行率 in percent as computed from the funds (the legacy form's 执行数 / 预算数 too). */
  rate: number | null;
  /** The budget score, total and grade as the form states them and as computed (never one for the other). */
  budgetScore: Figure<number>;
  total: Figure<number>;
  grade: Figure<string>;
  errors: number | null;
  warnings: number | null;
  status: RowStatus;
  /** The status in a sentence (and the file's own error, if it has one beside its sheets). */
  message: Message;
  /** The sheet's findings (empty for a row without a form). */
  findings: Finding[];
  /** The sheet's result, for a host that shows more (the web checker's findings). */
  result: SheetResult | null;
  /** The workbook hides the sheet (the web checker says so beside its name). */
  hidden?: boolean;
}

/** A row's sheet as the summary files show it: its name, and （隐藏） after a sheet the workbook hides. */
export const sheetShown = (r: Pick<SummaryRow, "sheet" | "hidden">): string => (r.hidden ? `${r.sheet}（隐藏）` : r.sheet);

export const STATUS_LABEL: Record<RowStatus, Message> = {
  ready: { zh: "可以提交", en: "ready" },
  "needs-work": { zh: "需修改", en: "needs work" },
  unreadable: { zh: "无法读取", en: "unreadable" },
  "no-form": { zh: "无绩效表", en: "no form" },
};

const NO_FORM: Message = { zh: "未找到绩效自评表或绩效目标表。", en: "No self-evaluation or target form found." };

export function summaryRows(files: readonly CheckedFile[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const none = { stated: null, computed: null };
  const blank = { projectName: "", who: "", rate: null, budgetScore: none, total: none, grade: none, errors: null, warnings: null, findings: [], result: null };
  for (const f of files) {
    if (f.error && f.sheets.length === 0) {
      rows.push({ ...blank, file: f.file, sheet: "", kind: { zh: "", en: "" }, status: "unreadable", message: f.error });
      continue;
    }
    const forms = f.sheets.filter((s) => s.kind !== "none");
    if (forms.length === 0) {
      rows.push({ ...blank, file: f.file, sheet: f.sheets.map((s) => s.sheet).join("、"), kind: STATUS_LABEL["no-form"], status: "no-form", message: NO_FORM });
      continue;
    }
    for (const s of forms) {
      const c = countBySeverity(s.findings);
      const st = statusOf(s);
      const shown = shownFigures(s);
      const who = [...new Set([s.form?.department, s.form?.implementer].filter((x): x is string => !!x))].join(" / ");
      rows.push({
        file: f.file,
        sheet: s.sheet,
        kind: KIND_LABEL[s.kind],
        projectName: s.form?.projectName ?? "",
        who,
        rate: shown.rate.computed,
        budgetScore: shown.budgetScore,
        total: shown.total,
        grade: shown.grade,
        errors: c.error,
        warnings: c.warning,
        status: st.ready ? "ready" : "needs-work",
        message: f.error ? { zh: `${st.message.zh}（${f.error.zh}）`, en: `${st.message.en} (${f.error.en})` } : st.message,
        findings: s.findings,
        result: s,
        ...(s.hidden ? { hidden: true } : {}),
      });
    }
  }
  return rows;
}
