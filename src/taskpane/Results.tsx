// The outcome of the last action: one report per performance sheet; other sheets listed as skipped.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ActionOutcome } from "../host/actions";
import { CrossCheckSection } from "./CrossCheckSection";
import { SheetReport } from "./SheetReport";
import type { Translator } from "./strings";
import { visibleText } from "../core/text";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
});

interface ResultsProps {
  tr: Translator;
  outcome: ActionOutcome | null;
  busy: boolean;
  onSelect(sheet: string, cell: string): void;
}

export function Results({ tr, outcome, busy, onSelect }: ResultsProps): React.JSX.Element {
  const s = useStyles();
  const forms = outcome?.sheets.filter((x) => x.result.kind !== "none") ?? [];
  const skipped = outcome?.sheets.filter((x) => x.result.kind === "none") ?? [];
  return (
    <div className={s.root} role="region" aria-label={tr.t("resultsLabel")} aria-busy={busy}>
      {!outcome && <p className={s.muted}>{tr.t("notChecked")}</p>}
      {outcome && forms.length === 0 && <p className={s.muted}>{tr.t("noForm")}</p>}
      <CrossCheckSection tr={tr} sheets={forms} onSelect={onSelect} />
      {forms.map((x) => (
        <SheetReport key={x.result.sheet} tr={tr} sheet={x} showWritten={outcome?.action === "fill"} onSelect={onSelect} />
      ))}
      {skipped.length > 0 && (
        <p className={s.muted}>{tr.t("skipped", { names: skipped.map((x) => visibleText(x.result.sheet)).join(tr.t("listSeparator")) })}</p>
      )}
    </div>
  );
}
