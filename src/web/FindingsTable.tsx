// A form's findings, each with its cell: errors first, as the engine orders them.
import * as React from "react";
import { Badge, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/rules/types";
import { codeTitle, isPrintCheck, PRINT_CHECK_TITLE, SEVERITY_LABEL } from "../core/summary";
import type { WebTranslator } from "./strings";
import { visibleText } from "../core/text";

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/** The panel is the width of a phone there: each finding becomes a card. */
const NARROW = "@media (max-width: 600px)";

const useStyles = makeStyles({
  table: { [NARROW]: { display: "block", "& thead": { display: "none" }, "& tbody": { display: "block" } } },
  row: { [NARROW]: { height: "auto", display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` } },
  narrowBlock: { [NARROW]: { display: "block", width: "auto", height: "auto", padding: "2px 0" } },
  message: { [NARROW]: { display: "block", flexBasis: "100%", height: "auto", padding: "2px 0" } },
  wrap: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground3 },
  cell: { fontFamily: tokens.fontFamilyMonospace, width: "6em" },
  severity: { width: "6em" },
  code: { width: "14em" },
  printHeading: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  codeId: { display: "block", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

export function FindingsTable({ tr, findings, label, id }: { tr: WebTranslator; findings: Finding[]; label: string; id: string }) {
  const s = useStyles();
  if (findings.length === 0) return <div className={s.wrap} id={id}>{tr.t("noFindings")}</div>;
  // The print check before stamping comes last, under its own heading.
  const own = findings.filter((f) => !isPrintCheck(f.code));
  const print = findings.filter((f) => isPrintCheck(f.code));
  return (
    <div className={s.wrap} id={id}>
      {own.length > 0 ? <Rows tr={tr} findings={own} label={label} testId="findings" /> : null}
      {print.length > 0 ? (
        <section aria-label={tr.m(PRINT_CHECK_TITLE)}>
          <h3 className={s.printHeading}>{tr.m(PRINT_CHECK_TITLE)}</h3>
          <Rows tr={tr} findings={print} label={`${label} · ${tr.m(PRINT_CHECK_TITLE)}`} testId="print-findings" />
        </section>
      ) : null}
    </div>
  );
}

function Rows({ tr, findings, label, testId }: { tr: WebTranslator; findings: Finding[]; label: string; testId: string }) {
  const s = useStyles();
  return (
      <Table size="small" aria-label={label} data-testid={testId} className={s.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.cell}>{tr.t("cell")}</TableHeaderCell>
            <TableHeaderCell className={s.severity}>{tr.t("severity")}</TableHeaderCell>
            <TableHeaderCell className={s.code}>{tr.t("colCodeName")}</TableHeaderCell>
            <TableHeaderCell>{tr.t("description")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {findings.map((f, i) => (
            <TableRow key={`${f.code}-${f.cell}-${i}`} data-cell={f.cell} data-code={f.code} className={s.row}>
              <TableCell className={mergeClasses(s.cell, s.narrowBlock)}>{f.cell}</TableCell>
              <TableCell className={mergeClasses(s.severity, s.narrowBlock)}>
                <Badge appearance="tint" color={COLOR[f.severity]}>
                  {tr.m(SEVERITY_LABEL[f.severity])}
                </Badge>
              </TableCell>
              <TableCell className={mergeClasses(s.code, s.narrowBlock)}>
                {tr.m(codeTitle(f.code))}
                <span className={s.codeId}>{f.code}</span>
              </TableCell>
              <TableCell className={s.message}>
                {visibleText(tr.m(f.message))}
                {f.fix === "fill" ? tr.t("fillHint") : ""}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
  );
}
