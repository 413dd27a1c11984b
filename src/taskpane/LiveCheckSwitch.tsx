// The live-checking setting: re-read the sheet after each edit (never writing). Off by default where
// Excel clears its undo stack once an add-in registers a change handler (below ExcelApi 1.20).
import * as React from "react";
import { Field, Switch } from "@fluentui/react-components";
import type { Translator } from "./strings";

interface LiveCheckSwitchProps {
  tr: Translator;
  on: boolean;
  keepsUndo: boolean;
  onChange(on: boolean): void;
}

export function LiveCheckSwitch({ tr, on, keepsUndo, onChange }: LiveCheckSwitchProps): React.JSX.Element {
  return (
    <Field hint={tr.t(keepsUndo ? "liveHintKeeps" : "liveHintClears")}>
      <Switch checked={on} label={tr.t("liveLabel")} onChange={(_, d) => onChange(d.checked === true)} />
    </Field>
  );
}
