// A form's findings, each with its cell: errors first, as the engine orders them.
import * as React from "react";
import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/rules/types";
import { SEVERITY_LABEL } from "../core/summary";
import type { WebTranslator } from "./strings";
import { visibleText } from "../core/text";

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  wrap: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground3 },
  cell: { fontFamily: tokens.fontFamilyMonospace, width: "6em" },
  severity: { width: "6em" },
  code: { fontFamily: tokens.fontFamilyMonospace, width: "16em", color: tokens.colorNeutralForeground3 },
});

export function FindingsTable({ tr, findings, label, id }: { tr: WebTranslator; findings: Finding[]; label: string; id: string }) {
  const s = useStyles();
  if (findings.length === 0) return <div className={s.wrap} id={id}>{tr.t("noFindings")}</div>;
  return (
    <div className={s.wrap} id={id}>
      <Table size="small" aria-label={label} data-testid="findings">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.cell}>{tr.t("cell")}</TableHeaderCell>
            <TableHeaderCell className={s.severity}>{tr.t("severity")}</TableHeaderCell>
            <TableHeaderCell className={s.code}>{tr.t("code")}</TableHeaderCell>
            <TableHeaderCell>{tr.t("description")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {findings.map((f, i) => (
            <TableRow key={`${f.code}-${f.cell}-${i}`} data-cell={f.cell} data-code={f.code}>
              <TableCell className={s.cell}>{f.cell}</TableCell>
              <TableCell className={s.severity}>
                <Badge appearance="tint" color={COLOR[f.severity]}>
                  {tr.m(SEVERITY_LABEL[f.severity])}
                </Badge>
              </TableCell>
              <TableCell className={s.code}>{f.code}</TableCell>
              <TableCell>
                {visibleText(tr.m(f.message))}
                {f.fix === "fill" ? tr.t("fillHint") : ""}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
