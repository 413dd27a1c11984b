// One sheet at a glance: the form, the budget figures, total and grade, the counts, and whether it
// can be submitted.
import * as React from "react";
import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SheetResult } from "../core/engine";
import { fmt2 } from "../core/numbers";
import { figureText, shownFigures, type Figure } from "../core/shownFigures";
import { KIND_LABEL, statusOf } from "../core/summary";
import type { Translator } from "./strings";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: `${tokens.spacingVerticalS} 0` },
  status: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  notReady: { color: tokens.colorPaletteRedForeground1 },
});

interface SummaryCardProps {
  tr: Translator;
  result: SheetResult;
}

export function SummaryCard({ tr, result }: SummaryCardProps): React.JSX.Element {
  const s = useStyles();
  const fig = result.figures;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const status = statusOf(result);
  const rate = fig?.budget?.rate ?? fig?.legacyRate ?? null;
  const shown = shownFigures(result);
  // The form's figure and the computed one, told apart: "92.61（表内）· 核算 91.61", "（建议）94.33".
  const told = (f: Figure<number> | Figure<string>) => {
    const m = figureText({ zh: "", en: "" }, f as Figure<number | string>);
    return m ? tr.m(m).trim() : tr.t("notComputed");
  };

  const rows: Array<[string, string]> = [[tr.t("formKind"), tr.m(KIND_LABEL[result.kind])]];
  if (rate !== null) rows.push([tr.t("budgetRate"), `${fmt2(rate)}%`]);
  if (fig?.budget || shown.budgetScore.stated !== null) rows.push([tr.t("budgetScore"), told(shown.budgetScore)]);
  if (result.kind !== "targets") {
    rows.push([tr.t("total"), told(shown.total)]);
    rows.push([tr.t("grade"), told(shown.grade)]);
  }

  return (
    <div>
      <dl className={s.figures}>
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={s.term}>{term}</dt>
            <dd className={s.value}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      <div className={s.badges} role="group" aria-label={tr.t("countsLabel")}>
        <Badge appearance={counts.error ? "filled" : "outline"} color="danger">
          {tr.t("countError", { n: counts.error })}
        </Badge>
        <Badge appearance={counts.warning ? "filled" : "outline"} color="warning">
          {tr.t("countWarning", { n: counts.warning })}
        </Badge>
        {counts.info > 0 && (
          <Badge appearance="outline" color="informative">
            {tr.t("countInfo", { n: counts.info })}
          </Badge>
        )}
      </div>
      <p className={mergeClasses(s.status, status.ready ? s.ready : s.notReady)} data-testid="sheet-status">
        <span aria-hidden="true">{status.ready ? "✓ " : "✗ "}</span>
        {tr.m(status.message)}
      </p>
    </div>
  );
}
