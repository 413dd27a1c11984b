// The batch at a glance, above the table: how many forms per 结论 (each a filter), per grade, and the
// spread of the totals, so a reviewer with 300 forms sees the state before reading a row.
import * as React from "react";
import { Badge, makeStyles, Text, ToggleButton, tokens } from "@fluentui/react-components";
import { fmt2 } from "../core/numbers";
import { STATUS_LABEL, type RowStatus } from "../core/summaryRows";
import type { Glance as GlanceData, StatusFilter } from "./resultsView";
import type { WebTranslator } from "./strings";

const STATUSES: RowStatus[] = ["needs-work", "ready", "unreadable", "no-form"];

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    "@media print": { border: "none", padding: 0 },
  },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  bars: { display: "flex", alignItems: "flex-end", gap: "2px", height: "48px" },
  bar: { width: "14px", backgroundColor: tokens.colorBrandBackground, borderRadius: "2px 2px 0 0", minHeight: "1px" },
  axis: { display: "flex", justifyContent: "space-between", width: "158px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface GlanceProps {
  tr: WebTranslator;
  glance: GlanceData;
  total: number;
  status: StatusFilter;
  onStatus: (s: StatusFilter) => void;
}

export function Glance({ tr, glance, total, status, onStatus }: GlanceProps) {
  const s = useStyles();
  const peak = Math.max(1, ...glance.totals.bins);
  const t = glance.totals;
  return (
    <section className={s.box} aria-label={tr.t("glanceTitle")} data-testid="glance">
      <div className={s.group}>
        <Text weight="semibold">
          {tr.t("glanceTitle")} · {tr.t("glanceForms", { n: glance.forms })}
        </Text>
        <div className={s.row} role="group" aria-label={tr.t("filterLabel")}>
          <ToggleButton size="small" checked={status === "all"} onClick={() => onStatus("all")} data-testid="filter-all">
            {tr.t("filterAll", { n: total })}
          </ToggleButton>
          {STATUSES.filter((k) => glance.byStatus[k] > 0 || k === "needs-work" || k === "ready").map((k) => (
            <ToggleButton key={k} size="small" checked={status === k} onClick={() => onStatus(status === k ? "all" : k)} data-testid={`filter-${k}`}>
              {tr.m(STATUS_LABEL[k])} {glance.byStatus[k]}
            </ToggleButton>
          ))}
        </div>
      </div>
      <div className={s.group}>
        <Text className={s.muted}>{tr.t("glanceGrades")}</Text>
        <div className={s.row} data-testid="glance-grades">
          {glance.byGrade.length === 0 ? <Text className={s.muted}>{tr.t("glanceNoGrade")}</Text> : glance.byGrade.map((g) => <Badge key={g.grade} appearance="tint">{`${g.grade} ${g.n}`}</Badge>)}
        </div>
      </div>
      <div className={s.group}>
        <Text className={s.muted} data-testid="glance-totals">
          {t.n === 0 ? tr.t("glanceNoTotals") : tr.t("glanceTotals", { min: fmt2(t.min!), median: fmt2(t.median!), max: fmt2(t.max!) })}
        </Text>
        <div className={s.bars} role="img" aria-label={`${tr.t("glanceSpread")}: ${t.bins.map((n, i) => tr.t("glanceBin", { lo: i * 10, hi: i === 9 ? 100 : i * 10 + 10, n })).join("; ")}`}>
          {t.bins.map((n, i) => (
            <div key={i} className={s.bar} style={{ height: `${(n / peak) * 100}%`, opacity: n === 0 ? 0.25 : 1 }} title={tr.t("glanceBin", { lo: i * 10, hi: i === 9 ? 100 : i * 10 + 10, n })} />
          ))}
        </div>
        <div className={s.axis} aria-hidden>
          <span>0</span>
          <span>50</span>
          <span>100</span>
        </div>
      </div>
    </section>
  );
}
