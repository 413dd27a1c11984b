// The three actions and the scope switch. Disabled, with a spinner, while an action runs.
import * as React from "react";
import { Button, Field, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Scope } from "../host/actions";
import type { Translator } from "./strings";
import type { ActionName } from "./usePaneActions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

const BUSY_KEY = { check: "busyCheck", fill: "busyFill", clear: "busyClear" } as const;

interface ActionBarProps {
  tr: Translator;
  busy: ActionName | null;
  scope: Scope;
  onScope(scope: Scope): void;
  onRun(action: ActionName): void;
}

export function ActionBar({ tr, busy, scope, onScope, onRun }: ActionBarProps): React.JSX.Element {
  const s = useStyles();
  const disabled = busy !== null;
  return (
    <div className={s.root} role="group" aria-label={tr.t("actionsLabel")}>
      <Field label={tr.t("scopeLabel")}>
        <RadioGroup layout="horizontal" value={scope} disabled={disabled} onChange={(_, d) => onScope(d.value as Scope)}>
          <Radio value="active" label={tr.t("scopeActive")} />
          <Radio value="all" label={tr.t("scopeAll")} />
        </RadioGroup>
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => onRun("check")}>
          {tr.t("check")}
        </Button>
        <Button disabled={disabled} onClick={() => onRun("fill")}>
          {tr.t("fill")}
        </Button>
        <Button disabled={disabled} onClick={() => onRun("clear")}>
          {tr.t("clear")}
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={tr.t(BUSY_KEY[busy])} />}
      <Text size={200} className={s.hint}>
        {tr.t("fillHint")}
      </Text>
    </div>
  );
}
