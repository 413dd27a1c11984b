// The rule options (RULES §4, and those RULES-2 leaves open: the cross-check's severity, the
// plausibility warnings), collapsible. Changes go straight to the parent, which saves them.
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";
import { toHalfWidth } from "../core/text";
import type { Translator } from "./strings";

const useStyles = makeStyles({
  heading: { margin: 0 },
  toggle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, paddingInlineStart: 0 },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  chevron: { display: "inline-block", width: "1em", marginInlineEnd: tokens.spacingHorizontalXS },
  threshold: { maxWidth: "10em" },
  note: { color: tokens.colorNeutralForeground3 },
});

interface SettingsPanelProps {
  tr: Translator;
  settings: Settings;
  onChange(settings: Settings): void;
  disabled?: boolean;
  defaultOpen?: boolean;
}

/** "50", "５０", "50%", " 33.5 " → the share (0.5, 0.335); anything else → null. */
export function parsePercent(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(toHalfWidth(text));
  return m ? Number(m[1]) / 100 : null;
}

/** 0.5 → "50"; 0.335 → "33.5". */
function percentText(share: number): string {
  return String(Math.round(share * 10000) / 100);
}

export function SettingsPanel({ tr, settings, onChange, disabled, defaultOpen = false }: SettingsPanelProps): React.JSX.Element {
  const s = useStyles();
  const [open, setOpen] = React.useState(defaultOpen);
  const bodyId = useId("settings-");
  const [thresholdText, setThresholdText] = React.useState(percentText(settings.overachievementThreshold));
  React.useEffect(() => setThresholdText(percentText(settings.overachievementThreshold)), [settings.overachievementThreshold]);
  const thresholdValid = parsePercent(thresholdText) !== null;

  return (
    <section>
      <h2 className={s.heading}>
        <Button
          appearance="transparent"
          className={s.toggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className={s.chevron}>
            {open ? "▾" : "▸"}
          </span>
          {tr.t("settingsTitle")}
        </Button>
      </h2>
      {/* No class on the hidden element: a class setting display would override the hidden attribute. */}
      <div id={bodyId} hidden={!open}>
        <div className={s.body}>
          <Text size={200} className={s.note}>
            {tr.t("settingsNote")}
          </Text>
          <Field label={tr.t("roundingLabel")} hint={tr.t("roundingHint")}>
            <RadioGroup
              value={settings.rounding}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...settings, rounding: d.value as Settings["rounding"] })}
            >
              <Radio value="truncate" label={tr.t("roundingTruncate")} />
              <Radio value="half-up" label={tr.t("roundingHalfUp")} />
              <Radio value="up" label={tr.t("roundingUp")} />
            </RadioGroup>
          </Field>
          <Field label={tr.t("reverseLabel")} hint={tr.t("reverseHint")}>
            <RadioGroup
              value={settings.reverseFormula}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...settings, reverseFormula: d.value as Settings["reverseFormula"] })}
            >
              <Radio value="ratio" label={tr.t("reverseRatio")} />
              <Radio value="deviation" label={tr.t("reverseDeviation")} />
            </RadioGroup>
          </Field>
          <Field
            label={tr.t("thresholdLabel")}
            hint={tr.t("thresholdHint")}
            validationState={thresholdValid ? "none" : "error"}
            validationMessage={thresholdValid ? undefined : tr.t("thresholdInvalid")}
          >
            <Input
              className={s.threshold}
              type="text"
              inputMode="decimal"
              value={thresholdText}
              disabled={disabled}
              contentAfter="%"
              onChange={(_, d) => {
                setThresholdText(d.value);
                const share = parsePercent(d.value);
                if (share !== null && share !== settings.overachievementThreshold) {
                  onChange({ ...settings, overachievementThreshold: share });
                }
              }}
            />
          </Field>
          <Field label={tr.t("crossLabel")} hint={tr.t("crossHint")}>
            <RadioGroup
              value={settings.crossCheckSeverity}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...settings, crossCheckSeverity: d.value as Settings["crossCheckSeverity"] })}
            >
              <Radio value="warning" label={tr.t("crossWarning")} />
              <Radio value="error" label={tr.t("crossError")} />
            </RadioGroup>
          </Field>
          <Field label={tr.t("printCheckLabel")} hint={tr.t("printCheckHint")}>
            <RadioGroup
              value={settings.printCheck}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...settings, printCheck: d.value as Settings["printCheck"] })}
            >
              <Radio value="notice" label={tr.t("printCheckNotice")} />
              <Radio value="warning" label={tr.t("printCheckWarning")} />
              <Radio value="off" label={tr.t("printCheckOff")} />
            </RadioGroup>
          </Field>
          <Field hint={tr.t("plausibilityHint")}>
            <Checkbox
              checked={settings.plausibility}
              disabled={disabled}
              label={tr.t("plausibilityLabel")}
              onChange={(_, d) => onChange({ ...settings, plausibility: d.checked === true })}
            />
          </Field>
          <div>
            <Button disabled={disabled} onClick={() => onChange({ ...DEFAULT_SETTINGS })}>
              {tr.t("settingsReset")}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
