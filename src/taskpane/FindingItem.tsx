// One finding: a button that selects its cell in the sheet (click, Enter or Space).
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/rules/types";
import { SEVERITY_LABEL } from "../core/summary";
import type { Translator } from "./strings";
import { visibleText } from "../core/text";

const useStyles = makeStyles({
  button: {
    display: "flex",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  cell: {
    flexShrink: 0,
    minWidth: "3.5em",
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { lineHeight: tokens.lineHeightBase300 },
});

interface FindingItemProps {
  tr: Translator;
  finding: Finding;
  onSelect(cell: string): void;
}

/** A key press activates at once; the click a browser then synthesises from it is not a second selection. */
const KEY_CLICK_WINDOW_MS = 500;

export function FindingItem({ tr, finding, onSelect }: FindingItemProps): React.JSX.Element {
  const s = useStyles();
  const keyAt = React.useRef(0);
  // The engine says what is wrong; this host says how its own fill action puts it right.
  const text = visibleText(tr.m(finding.message)) + (finding.fix === "fill" ? tr.t("findingFillHint") : "");
  return (
    <li>
      <button
        type="button"
        className={s.button}
        aria-label={tr.t("findingAria", { severity: tr.m(SEVERITY_LABEL[finding.severity]), cell: finding.cell, message: text })}
        onKeyDown={(e) => {
          if ((e.key === "Enter" || e.key === " ") && !e.repeat) {
            e.preventDefault();
            keyAt.current = Date.now();
            onSelect(finding.cell);
          }
        }}
        onClick={() => {
          if (Date.now() - keyAt.current < KEY_CLICK_WINDOW_MS) return;
          onSelect(finding.cell);
        }}
      >
        <span className={s.cell}>{finding.cell}</span>
        <span className={s.text}>{text}</span>
      </button>
    </li>
  );
}
