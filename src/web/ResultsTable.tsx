// The reviewer's table in the page: the columns of the summary workbook's 汇总, a row per form sheet,
// each opening its findings; a download of the filled copy per file.
import * as React from "react";
import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { fmt2 } from "../core/numbers";
import { figureText, type Figure } from "../core/shownFigures";
import { STATUS_LABEL, type SummaryRow } from "../core/summaryRows";
import { FindingsTable } from "./FindingsTable";
import type { WebTranslator } from "./strings";
import { visibleText } from "../core/text";

const STATUS_COLOR = { ready: "success", "needs-work": "danger", unreadable: "danger", "no-form": "subtle" } as const;

const useStyles = makeStyles({
  scroll: { overflowX: "auto" },
  // Columns sized by their content (Fluent's table lays out fixed, equal columns by default).
  table: { minWidth: "1100px", tableLayout: "auto" },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  small: { textAlign: "end", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  needsWork: { backgroundColor: tokens.colorPaletteRedBackground1 },
  file: { overflowWrap: "anywhere", minWidth: "12em" },
  wide: { minWidth: "9em" },
  actions: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalXS, whiteSpace: "nowrap" },
  message: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Header widths: the number columns as narrow as their heads, the texts wide enough for Chinese names. */
const HEAD_CLASS: Partial<Record<string, "file" | "wide" | "nowrap">> = { colFile: "file", colKind: "wide", colProject: "wide", colWho: "wide", colStatus: "wide", colActions: "nowrap", colSheet: "nowrap", colGrade: "nowrap", colErrors: "nowrap", colWarnings: "nowrap", colTotal: "nowrap" };

const num = (x: number | null) => (x === null ? "" : fmt2(x));
/** A figure as the form states it and as computed: "92.61（表内）· 核算 91.61", "（建议）94.33", "92.61". */
const figure = (tr: WebTranslator, f: Figure<number> | Figure<string>) => {
  const m = figureText({ zh: "", en: "" }, f as Figure<number | string>);
  return m ? tr.m(m).trim() : "";
};

interface ResultsTableProps {
  tr: WebTranslator;
  rows: SummaryRow[];
  onDownload: (file: string) => void;
  busyFile: string | null;
}

export function ResultsTable({ tr, rows, onDownload, busyFile }: ResultsTableProps) {
  const s = useStyles();
  const [open, setOpen] = React.useState<string | null>(null);
  const heads = ["colFile", "colSheet", "colKind", "colProject", "colWho", "colRate", "colBudgetScore", "colTotal", "colGrade", "colErrors", "colWarnings", "colStatus", "colActions"] as const;
  const firstOfFile = new Set<number>();
  rows.forEach((r, i) => {
    if (i === 0 || rows[i - 1].file !== r.file) firstOfFile.add(i);
  });
  return (
    <div className={s.scroll}>
      <Table className={s.table} aria-label={tr.t("resultsCaption")} data-testid="results">
        <TableHeader>
          <TableRow>
            {heads.map((h) => (
              <TableHeaderCell key={h} className={HEAD_CLASS[h] ? s[HEAD_CLASS[h]!] : undefined}>
                {tr.t(h)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.flatMap((r, i) => {
            const key = `${r.file}\u0000${r.sheet}`;
            const expanded = open === key;
            const panelId = `findings-${i}`;
            const out = [
              <TableRow key={key} className={r.status === "needs-work" || r.status === "unreadable" ? s.needsWork : undefined} data-testid="result-row" data-file={r.file} data-sheet={r.sheet} data-status={r.status}>
                <TableCell className={s.file}>{visibleText(r.file)}</TableCell>
                <TableCell className={s.nowrap}>{visibleText(r.sheet)}</TableCell>
                <TableCell>{tr.m(r.kind)}</TableCell>
                <TableCell>{visibleText(r.projectName ?? "")}</TableCell>
                <TableCell>{visibleText(r.who ?? "")}</TableCell>
                <TableCell className={s.num}>{num(r.rate)}</TableCell>
                <TableCell className={s.num}>{figure(tr, r.budgetScore)}</TableCell>
                <TableCell className={s.num} data-testid="total">{figure(tr, r.total)}</TableCell>
                <TableCell className={s.nowrap} data-testid="grade">{figure(tr, r.grade)}</TableCell>
                <TableCell className={s.small}>{r.errors ?? ""}</TableCell>
                <TableCell className={s.small}>{r.warnings ?? ""}</TableCell>
                <TableCell>
                  <Badge appearance="filled" color={STATUS_COLOR[r.status]}>
                    {tr.m(STATUS_LABEL[r.status])}
                  </Badge>
                  <div className={s.message}>{visibleText(tr.m(r.message))}</div>
                </TableCell>
                <TableCell>
                  <div className={s.actions}>
                    {r.result && (
                      <Button size="small" aria-expanded={expanded} aria-controls={expanded ? panelId : undefined} onClick={() => setOpen(expanded ? null : key)} data-testid="toggle-findings">
                        {expanded ? tr.t("hideFindings") : tr.t("showFindings", { n: r.findings.length })}
                      </Button>
                    )}
                    {r.status !== "unreadable" && firstOfFile.has(i) && (
                      <Button size="small" appearance="primary" disabled={busyFile === r.file} aria-label={tr.t("downloadFilledLabel", { file: visibleText(r.file) })} onClick={() => onDownload(r.file)} data-testid="download-filled">
                        {busyFile === r.file ? tr.t("filling") : tr.t("downloadFilled")}
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>,
            ];
            if (expanded) {
              out.push(
                <TableRow key={`${key}-findings`}>
                  <TableCell colSpan={heads.length}>
                    <FindingsTable tr={tr} findings={r.findings} id={panelId} label={tr.t("findingsOf", { file: visibleText(r.file), sheet: visibleText(r.sheet) })} />
                  </TableCell>
                </TableRow>,
              );
            }
            return out;
          })}
        </TableBody>
      </Table>
    </div>
  );
}
