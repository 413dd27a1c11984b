// The reviewer's table in the page: the batch at a glance, then a row per form sheet — filtered by
// 结论 and by text, sorted by any column, fifty to a page — each opening its findings in a panel of
// their own, and a download of the filled copy per file. Narrow screens get the rows as cards.
import * as React from "react";
import { Badge, Button, makeStyles, mergeClasses, SearchBox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { fmt2 } from "../core/numbers";
import { figureText, type Figure } from "../core/shownFigures";
import { STATUS_LABEL, type SummaryRow } from "../core/summaryRows";
import { visibleText } from "../core/text";
import { FindingsDrawer } from "./FindingsDrawer";
import { Glance } from "./Glance";
import { filterRows, glanceOf, pageOf, sortRows, type SortKey, type SortOrder, type StatusFilter } from "./resultsView";
import type { WebStringKey, WebTranslator } from "./strings";

const STATUS_COLOR = { ready: "success", "needs-work": "danger", unreadable: "danger", "no-form": "subtle" } as const;

/** Below this width the rows become cards: 200 % zoom of 1366 px is 683 CSS px, a phone 390. */
const NARROW = "@media (max-width: 900px)";

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  tools: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, "@media print": { display: "none" } },
  search: { flexGrow: 1, maxWidth: "28em", minWidth: "14em" },
  table: {
    tableLayout: "auto",
    width: "100%",
    [NARROW]: { display: "block", "& thead": { display: "none" }, "& tbody": { display: "block" } },
  },
  row: {
    [NARROW]: {
      height: "auto",
      display: "grid",
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
      columnGap: tokens.spacingHorizontalM,
      padding: `${tokens.spacingVerticalS} 0`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    "@media print": { breakInside: "avoid" },
  },
  cell: {
    verticalAlign: "top",
    [NARROW]: {
      display: "block",
      height: "auto",
      minHeight: 0,
      padding: `2px ${tokens.spacingHorizontalXS}`,
      "&[data-label]::before": { content: "attr(data-label)", display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
    },
  },
  wideCell: { [NARROW]: { gridColumn: "1 / -1" } },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", [NARROW]: { textAlign: "start", whiteSpace: "normal" } },
  needsWork: { backgroundColor: tokens.colorPaletteRedBackground1 },
  main: { overflowWrap: "anywhere", minWidth: "10em", [NARROW]: { minWidth: 0 } },
  sub: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  actions: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalXS, [NARROW]: { flexDirection: "row", flexWrap: "wrap" }, "@media print": { display: "none" } },
  sortable: { cursor: "pointer", userSelect: "none", whiteSpace: "nowrap" },
  head: { whiteSpace: "nowrap" },
  pager: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap", "@media print": { display: "none" } },
  muted: { color: tokens.colorNeutralForeground3 },
});

const num = (x: number | null) => (x === null ? "" : fmt2(x));
/** A figure as the form states it and as computed: "92.61（表内）· 核算 91.61", "（建议）94.33", "92.61". */
const figure = (tr: WebTranslator, f: Figure<number> | Figure<string>) => {
  const m = figureText({ zh: "", en: "" }, f as Figure<number | string>);
  return m ? tr.m(m).trim() : "";
};

/** The columns: their heading, and the key they sort by. */
const COLUMNS: Array<{ head: WebStringKey; sort?: SortKey; num?: boolean }> = [
  { head: "colFileSheet", sort: "file" },
  { head: "colKind" },
  { head: "colProjectWho", sort: "project" },
  { head: "colRate", sort: "rate", num: true },
  { head: "colBudgetScore", sort: "budgetScore", num: true },
  { head: "colTotal", sort: "total", num: true },
  { head: "colGrade", sort: "grade" },
  { head: "colErrors", sort: "errors", num: true },
  { head: "colWarnings", sort: "warnings", num: true },
  { head: "colStatus", sort: "status" },
  { head: "colActions" },
];

interface ResultsTableProps {
  tr: WebTranslator;
  rows: SummaryRow[];
  onDownload: (file: string, clean?: boolean) => void;
  busyFile: string | null;
}

const keyOf = (r: SummaryRow) => `${r.file}\u0000${r.sheet}`;

export function ResultsTable({ tr, rows, onDownload, busyFile }: ResultsTableProps) {
  const s = useStyles();
  const [status, setStatus] = React.useState<StatusFilter>("all");
  const [text, setText] = React.useState("");
  const [order, setOrder] = React.useState<SortOrder | null>(null);
  const [page, setPage] = React.useState(0);
  const [open, setOpen] = React.useState<string | null>(null);
  const glance = React.useMemo(() => glanceOf(rows), [rows]);
  const shown = React.useMemo(() => sortRows(filterRows(rows, status, text), order), [rows, status, text, order]);
  const view = pageOf(shown, page);
  const firstOfFile = React.useMemo(() => {
    const seen = new Set<string>();
    const out = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.file)) continue;
      seen.add(r.file);
      out.add(keyOf(r));
    }
    return out;
  }, [rows]);
  const toggle = React.useCallback((key: string) => setOpen((o) => (o === key ? null : key)), []);
  const openRow = open === null ? null : (rows.find((r) => keyOf(r) === open) ?? null);
  const sortBy = (key: SortKey) => {
    // A figure sorts highest first, a name from A; a second click turns it round.
    const first = key === "file" || key === "project" || key === "grade" || key === "status" ? "asc" : "desc";
    setOrder((o) => (o?.key === key ? { key, dir: o.dir === "asc" ? "desc" : "asc" } : { key, dir: first }));
    setPage(0);
  };
  const filterTo = (f: StatusFilter) => {
    setStatus(f);
    setPage(0);
  };
  return (
    <div className={s.wrap}>
      <Glance tr={tr} glance={glance} total={rows.length} status={status} onStatus={filterTo} />
      <div className={s.tools}>
        <SearchBox
          className={s.search}
          placeholder={tr.t("search")}
          aria-label={tr.t("search")}
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setPage(0);
          }}
          data-testid="filter-text"
        />
      </div>
      <Table className={s.table} aria-label={tr.t("resultsCaption")} data-testid="results">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((c) => {
              const sorted = c.sort !== undefined && order?.key === c.sort;
              return (
                <TableHeaderCell
                  key={c.head}
                  className={c.sort ? s.sortable : s.head}
                  sortDirection={sorted ? (order!.dir === "asc" ? "ascending" : "descending") : undefined}
                  aria-sort={sorted ? (order!.dir === "asc" ? "ascending" : "descending") : c.sort ? "none" : undefined}
                  onClick={c.sort ? () => sortBy(c.sort!) : undefined}
                  title={c.sort ? tr.t("sortBy", { col: tr.t(c.head) }) : undefined}
                  data-testid={c.sort ? `sort-${c.sort}` : undefined}
                >
                  {tr.t(c.head)}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.rows.map((r) => (
            <ResultRow key={keyOf(r)} tr={tr} r={r} first={firstOfFile.has(keyOf(r))} busy={busyFile === r.file} expanded={open === keyOf(r)} onToggle={toggle} onDownload={onDownload} />
          ))}
        </TableBody>
      </Table>
      {shown.length === 0 && <Text className={s.muted}>{tr.t("noRowsMatch")}</Text>}
      {view.pages > 1 && (
        <div className={s.pager} data-testid="pager">
          <Button size="small" disabled={view.page === 0} onClick={() => setPage(view.page - 1)}>
            {tr.t("prevPage")}
          </Button>
          <Text>{tr.t("pageInfo", { page: view.page + 1, pages: view.pages, n: shown.length })}</Text>
          <Button size="small" disabled={view.page >= view.pages - 1} onClick={() => setPage(view.page + 1)} data-testid="next-page">
            {tr.t("nextPage")}
          </Button>
        </div>
      )}
      <FindingsDrawer tr={tr} row={openRow} id="findings-panel" onClose={() => setOpen(null)} />
    </div>
  );
}

interface ResultRowProps {
  tr: WebTranslator;
  r: SummaryRow;
  first: boolean;
  busy: boolean;
  expanded: boolean;
  onToggle: (key: string) => void;
  onDownload: (file: string, clean?: boolean) => void;
}

/** What a row shows: two rows showing the same are not drawn again when the batch grows. */
const shownKey = (r: SummaryRow) =>
  JSON.stringify([r.file, r.sheet, r.hidden === true, r.status, r.kind.zh, r.projectName, r.who, r.rate, r.budgetScore, r.total, r.grade, r.errors, r.warnings, r.findings.length, r.message.zh, r.message.en]);

const sameRow = (a: ResultRowProps, b: ResultRowProps) =>
  a.tr.locale === b.tr.locale && a.first === b.first && a.busy === b.busy && a.expanded === b.expanded && a.onToggle === b.onToggle && a.onDownload === b.onDownload && (a.r === b.r || shownKey(a.r) === shownKey(b.r));

/** One row; redrawn only when what it shows changes. */
const ResultRow = React.memo(function ResultRow({ tr, r, first, busy, expanded, onToggle, onDownload }: ResultRowProps) {
  const s = useStyles();
  const label = (k: WebStringKey) => tr.t(k);
  const c = (...extra: string[]) => mergeClasses(s.cell, ...extra);
  return (
    <TableRow className={mergeClasses(s.row, (r.status === "needs-work" || r.status === "unreadable") && s.needsWork)} data-testid="result-row" data-file={r.file} data-sheet={r.sheet} data-status={r.status}>
      <TableCell className={c(s.main, s.wideCell)}>
        {visibleText(r.file)}
        {r.sheet && (
          <span className={s.sub}>
            {visibleText(r.sheet)}
            {r.hidden && label("hiddenSheet")}
          </span>
        )}
      </TableCell>
      <TableCell className={c()} data-label={label("colKind")}>
        {tr.m(r.kind)}
      </TableCell>
      <TableCell className={c(s.main)} data-label={label("colProjectWho")}>
        {visibleText(r.projectName)}
        {r.who && <span className={s.sub}>{visibleText(r.who)}</span>}
      </TableCell>
      <TableCell className={c(s.num)} data-label={label("colRate")}>
        {num(r.rate)}
      </TableCell>
      <TableCell className={c(s.num)} data-label={label("colBudgetScore")}>
        {figure(tr, r.budgetScore)}
      </TableCell>
      <TableCell className={c(s.num)} data-label={label("colTotal")} data-testid="total">
        {figure(tr, r.total)}
      </TableCell>
      <TableCell className={c()} data-label={label("colGrade")} data-testid="grade">
        {figure(tr, r.grade)}
      </TableCell>
      <TableCell className={c(s.num)} data-label={label("colErrors")}>
        {r.errors ?? ""}
      </TableCell>
      <TableCell className={c(s.num)} data-label={label("colWarnings")}>
        {r.warnings ?? ""}
      </TableCell>
      <TableCell className={c(s.wideCell)} data-label={label("colStatus")}>
        <Badge appearance="filled" color={STATUS_COLOR[r.status]}>
          {tr.m(STATUS_LABEL[r.status])}
        </Badge>
        <span className={s.sub}>{visibleText(tr.m(r.message))}</span>
      </TableCell>
      <TableCell className={c(s.wideCell)}>
        <div className={s.actions}>
          {r.result && (
            <Button size="small" aria-expanded={expanded} aria-controls={expanded ? "findings-panel" : undefined} onClick={() => onToggle(keyOf(r))} data-testid="toggle-findings">
              {expanded ? tr.t("hideFindings") : tr.t("showFindings", { n: r.findings.length })}
            </Button>
          )}
          {r.status !== "unreadable" && first && (
            <Button size="small" appearance="primary" disabled={busy} aria-label={tr.t("downloadFilledLabel", { file: visibleText(r.file) })} onClick={() => onDownload(r.file)} data-testid="download-filled">
              {busy ? tr.t("filling") : tr.t("downloadFilled")}
            </Button>
          )}
          {r.status !== "unreadable" && first && (
            <Button size="small" disabled={busy} aria-label={tr.t("downloadSubmitLabel", { file: visibleText(r.file) })} title={tr.t("downloadSubmitTitle")} onClick={() => onDownload(r.file, true)} data-testid="download-submit">
              {tr.t("downloadSubmit")}
            </Button>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
}, sameRow);
