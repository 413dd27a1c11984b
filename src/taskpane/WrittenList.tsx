// After filling: how many cells were written, and which.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellWrite } from "../core/plan";
import type { Translator } from "./strings";

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  none: { margin: 0 },
});

interface WrittenListProps {
  tr: Translator;
  written: CellWrite[];
}

export function WrittenList({ tr, written }: WrittenListProps): React.JSX.Element {
  const s = useStyles();
  if (written.length === 0) {
    return (
      <div className={s.root}>
        <p className={s.none}>{tr.t("writtenNone")}</p>
      </div>
    );
  }
  return (
    <section className={s.root} aria-label={tr.t("writtenTitle", { n: written.length })}>
      <h3 className={s.heading}>{tr.t("writtenTitle", { n: written.length })}</h3>
      <ul className={s.list}>
        {written.map((w) => (
          <li key={w.cell}>
            <span className={s.cell}>{w.cell}</span>
            {tr.m(w.message)}
          </li>
        ))}
      </ul>
    </section>
  );
}
