// What the page prints (打印 / 导出PDF, or Ctrl+P): on A4, the batch at a glance and a line per form,
// then each form on a page of its own with its figures and findings. Only this prints; the page's
// controls never do. Rendered only while printing: a thousand forms' pages are not kept in the DOM.
import * as React from "react";
import { makeStyles } from "@fluentui/react-components";
import { fmt2 } from "../core/numbers";
import { codeTitle, isPrintCheck, PRINT_CHECK_TITLE, SEVERITY_LABEL } from "../core/summary";
import { STATUS_LABEL, type SummaryRow } from "../core/summaryRows";
import { figureText, type Figure } from "../core/shownFigures";
import { visibleText } from "../core/text";
import { glanceOf } from "./resultsView";
import type { WebTranslator } from "./strings";

const useStyles = makeStyles({
  report: { display: "none", "@media print": { display: "block" }, color: "#000", fontSize: "10pt", lineHeight: 1.4 },
  page: { breakBefore: "page", pageBreakBefore: "always" },
  first: {},
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", "& th, & td": { border: "0.5pt solid #888", padding: "2pt 4pt", textAlign: "left", verticalAlign: "top", overflowWrap: "anywhere" } },
  numeric: { textAlign: "right" },
  head: { display: "table-header-group" },
  row: { breakInside: "avoid", pageBreakInside: "avoid" },
  h1: { fontSize: "16pt", margin: "0 0 4pt" },
  h2: { fontSize: "13pt", margin: "0 0 4pt" },
  h3: { fontSize: "11pt", margin: "8pt 0 2pt" },
  meta: { margin: "0 0 6pt", color: "#333" },
  figures: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", columnGap: "8pt", rowGap: "2pt", margin: "4pt 0 6pt" },
});

const num = (x: number | null) => (x === null ? "—" : fmt2(x));
/** A figure as the page shows it (core/shownFigures.ts): "92.61（表内）· 核算 91.61", "（建议）94.33", "—" for none. */
const figureOf = (tr: WebTranslator) => (f: Figure<number> | Figure<string>) => {
  const m = figureText({ zh: "", en: "" }, f as Figure<number | string>);
  return m ? tr.m(m).trim() : "—";
};

export function PrintReport({ tr, rows, madeAt }: { tr: WebTranslator; rows: readonly SummaryRow[]; madeAt: Date }) {
  const s = useStyles();
  const fig = figureOf(tr);
  const g = glanceOf(rows);
  const forms = rows.filter((r) => r.result);
  return (
    <section className={s.report} data-testid="print-report" aria-hidden="true">
      <div className={s.first}>
        <h1 className={s.h1}>{tr.t("printTitle")}</h1>
        <p className={s.meta}>
          {tr.t("printMeta", { time: madeAt.toLocaleString(tr.locale), forms: g.forms, files: new Set(rows.map((r) => r.file)).size })}
          {"\u3000"}
          {(["ready", "needs-work", "unreadable"] as const).map((k) => `${tr.m(STATUS_LABEL[k])} ${g.byStatus[k]}`).join("\u3000")}
          {g.byGrade.length > 0 ? `\u3000${g.byGrade.map((x) => `${x.grade} ${x.n}`).join("\u3000")}` : ""}
        </p>
        <table className={s.table}>
          <colgroup>
            <col style={{ width: "4%" }} />
            <col style={{ width: "30%" }} />
            <col style={{ width: "26%" }} />
            <col style={{ width: "9%" }} />
            <col style={{ width: "8%" }} />
            <col style={{ width: "6%" }} />
            <col style={{ width: "6%" }} />
            <col style={{ width: "11%" }} />
          </colgroup>
          <thead className={s.head}>
            <tr>
              <th>#</th>
              <th>{tr.t("colFileSheet")}</th>
              <th>{tr.t("colProject")}</th>
              <th>{tr.t("colTotal")}</th>
              <th>{tr.t("colGrade")}</th>
              <th>{tr.t("colErrors")}</th>
              <th>{tr.t("colWarnings")}</th>
              <th>{tr.t("colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.file}-${r.sheet}-${i}`} className={s.row}>
                <td>{i + 1}</td>
                <td>
                  {visibleText(r.file)}
                  {r.sheet ? ` · ${visibleText(r.sheet)}` : ""}
                  {r.hidden ? tr.t("hiddenSheet") : ""}
                </td>
                <td>{visibleText(r.projectName)}</td>
                <td className={s.numeric}>{r.result ? fig(r.total) : ""}</td>
                <td>{r.result ? fig(r.grade) : ""}</td>
                <td className={s.numeric}>{r.errors ?? ""}</td>
                <td className={s.numeric}>{r.warnings ?? ""}</td>
                <td>{tr.m(STATUS_LABEL[r.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {forms.map((r, i) => (
        <FormPage key={`${r.file}-${r.sheet}-${i}`} tr={tr} row={r} />
      ))}
    </section>
  );
}

function FormPage({ tr, row }: { tr: WebTranslator; row: SummaryRow }) {
  const s = useStyles();
  const fig = figureOf(tr);
  const own = row.findings.filter((f) => !isPrintCheck(f.code));
  const print = row.findings.filter((f) => isPrintCheck(f.code));
  return (
    <article className={s.page} data-testid="print-form" data-file={row.file}>
      <h2 className={s.h2}>
        {visibleText(row.file)} · {visibleText(row.sheet)}
        {row.hidden ? tr.t("hiddenSheet") : ""}
      </h2>
      <p className={s.meta}>
        {tr.m(row.kind)}
        {row.projectName ? `\u3000${tr.t("colProject")}：${visibleText(row.projectName)}` : ""}
        {row.who ? `\u3000${visibleText(row.who)}` : ""}
      </p>
      <div className={s.figures}>
        <span>
          {tr.t("colRate")}：{num(row.rate)}
        </span>
        <span>
          {tr.t("colBudgetScore")}：{fig(row.budgetScore)}
        </span>
        <span>
          {tr.t("colTotal")}：{fig(row.total)}
        </span>
        <span>
          {tr.t("colGrade")}：{fig(row.grade)}
        </span>
      </div>
      <p className={s.meta}>
        <strong>{tr.m(STATUS_LABEL[row.status])}</strong>{"\u3000"}{tr.m(row.message)}
      </p>
      {own.length > 0 ? <Findings tr={tr} findings={own} /> : <p>{tr.t("noFindings")}</p>}
      {print.length > 0 ? (
        <>
          <h3 className={s.h3}>{tr.m(PRINT_CHECK_TITLE)}</h3>
          <Findings tr={tr} findings={print} />
        </>
      ) : null}
    </article>
  );
}

function Findings({ tr, findings }: { tr: WebTranslator; findings: SummaryRow["findings"] }) {
  const s = useStyles();
  return (
    <table className={s.table}>
      <colgroup>
        <col style={{ width: "8%" }} />
        <col style={{ width: "8%" }} />
        <col style={{ width: "16%" }} />
        <col style={{ width: "68%" }} />
      </colgroup>
      <thead className={s.head}>
        <tr>
          <th>{tr.t("cell")}</th>
          <th>{tr.t("severity")}</th>
          <th>{tr.t("colCodeName")}</th>
          <th>{tr.t("description")}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={`${f.code}-${f.cell}-${i}`} className={s.row}>
            <td>{f.cell}</td>
            <td>{tr.m(SEVERITY_LABEL[f.severity])}</td>
            <td>{tr.m(codeTitle(f.code))}</td>
            <td>{visibleText(tr.m(f.message))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
