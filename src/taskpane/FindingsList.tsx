// The findings of one sheet, by severity (错误 / 警告 / 提示) and within that by row.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetResult } from "../core/engine";
import type { Finding, Severity } from "../core/rules/types";
import { isPrintCheck } from "../core/summary";
import { FindingItem } from "./FindingItem";
import type { StringKey, Translator } from "./strings";

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  print: { color: tokens.colorNeutralForeground2, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  rowHeading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  empty: { margin: `${tokens.spacingVerticalS} 0 0`, color: tokens.colorNeutralForeground3 },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const GROUP_KEY: Record<Severity, StringKey> = { error: "groupError", warning: "groupWarning", info: "groupInfo" };

interface FindingsListProps {
  tr: Translator;
  result: SheetResult;
  onSelect(sheet: string, cell: string): void;
}

export function FindingsList({ tr, result, onSelect }: FindingsListProps): React.JSX.Element {
  const s = useStyles();
  if (result.findings.length === 0) return <p className={s.empty}>{tr.t("noFindings")}</p>;
  const names = new Map(result.evaluations.map((e) => [e.indicator.row, e.indicator.name || e.indicator.level2 || e.indicator.level1]));
  const select = (cell: string) => onSelect(result.sheet, cell);

  // The print check before stamping comes last, as a group of its own.
  const groups: Array<{ key: string; heading: string; tone: Severity | "print"; items: Finding[] }> = [
    ...SEVERITIES.map((sev) => {
      const items = result.findings.filter((f) => f.severity === sev && !isPrintCheck(f.code));
      return { key: sev, heading: tr.t(GROUP_KEY[sev], { n: items.length }), tone: sev, items };
    }),
    (() => {
      const items = result.findings.filter((f) => isPrintCheck(f.code));
      return { key: "print", heading: tr.t("groupPrint", { n: items.length }), tone: "print" as const, items };
    })(),
  ];

  return (
    <div aria-label={tr.t("findingsLabel", { name: result.sheet })} role="region">
      {groups.map(({ key, heading, tone, items }) => {
        if (items.length === 0) return null;
        return (
          <section key={key} className={s.group} data-group={key}>
            <h3 className={`${s.heading} ${s[tone]}`}>{heading}</h3>
            {byRow(items).map(([row, findings]) => {
              const name = names.get(row);
              return (
                <React.Fragment key={row}>
                  <h4 className={s.rowHeading}>{name ? tr.t("rowLabelNamed", { row, name }) : tr.t("rowLabel", { row })}</h4>
                  <ul className={s.list}>
                    {findings.map((f, i) => (
                      <FindingItem key={`${f.code}-${f.cell}-${i}`} tr={tr} finding={f} onSelect={select} />
                    ))}
                  </ul>
                </React.Fragment>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

/** The row a finding belongs to: its indicator row, else its cell's row. */
export function rowOf(f: Finding): number {
  return f.row ?? Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
}

function byRow(findings: Finding[]): Array<[number, Finding[]]> {
  const groups = new Map<number, Finding[]>();
  for (const f of findings) {
    const r = rowOf(f);
    const g = groups.get(r);
    if (g) g.push(f);
    else groups.set(r, [f]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}
