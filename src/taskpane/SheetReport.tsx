// Everything about one checked sheet: summary, what was filled, findings.
import * as React from "react";
import { makeStyles, tokens, useId } from "@fluentui/react-components";
import type { SheetOutcome } from "../host/actions";
import { FindingsList } from "./FindingsList";
import type { Translator } from "./strings";
import { SummaryCard } from "./SummaryCard";
import { WrittenList } from "./WrittenList";
import { visibleText } from "../core/text";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

interface SheetReportProps {
  tr: Translator;
  sheet: SheetOutcome;
  /** Show the written cells (after 填写). */
  showWritten: boolean;
  onSelect(sheet: string, cell: string): void;
}

export function SheetReport({ tr, sheet, showWritten, onSelect }: SheetReportProps): React.JSX.Element {
  const s = useStyles();
  const id = useId("sheet-");
  const { result } = sheet;
  return (
    <section className={s.root} aria-labelledby={id}>
      <h2 id={id} className={s.heading}>
        {tr.t("sheetTitle", { name: visibleText(result.sheet) })}
        {result.hidden && tr.t("hiddenSheet")}
      </h2>
      <SummaryCard tr={tr} result={result} />
      {showWritten && <WrittenList tr={tr} written={sheet.written} />}
      <FindingsList tr={tr} result={result} onSelect={onSelect} />
    </section>
  );
}
