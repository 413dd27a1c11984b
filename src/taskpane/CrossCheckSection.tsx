// 与绩效目标表对照: the differences between a self-evaluation and the targets declared for it, found
// among the sheets checked together (RULES-2 §10), each selecting its cell.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { isCrossCheckCode } from "../core/crossCheck";
import type { SheetOutcome } from "../host/actions";
import { FindingItem } from "./FindingItem";
import type { Translator } from "./strings";
import { visibleText } from "../core/text";

const useStyles = makeStyles({
  root: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sheet: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});


interface CrossCheckSectionProps {
  tr: Translator;
  sheets: SheetOutcome[];
  onSelect(sheet: string, cell: string): void;
}

export function CrossCheckSection({ tr, sheets, onSelect }: CrossCheckSectionProps): React.JSX.Element | null {
  const s = useStyles();
  const withDiffs = sheets.map((x) => ({ sheet: x.result.sheet, findings: x.result.findings.filter((f) => isCrossCheckCode(f.code)) })).filter((x) => x.findings.length > 0);
  if (withDiffs.length === 0) return null;
  return (
    <section className={s.root} role="region" aria-label={tr.t("crossCheckTitle")}>
      <h2 className={s.heading}>{tr.t("crossCheckTitle")}</h2>
      {withDiffs.map((x) => (
        <React.Fragment key={x.sheet}>
          <h3 className={s.sheet}>{tr.t("crossCheckSheet", { name: visibleText(x.sheet), n: x.findings.length })}</h3>
          <ul className={s.list}>
            {x.findings.map((f, i) => (
              <FindingItem key={`${f.code}-${f.cell}-${i}`} tr={tr} finding={f} onSelect={(cell) => onSelect(x.sheet, cell)} />
            ))}
          </ul>
        </React.Fragment>
      ))}
    </section>
  );
}
