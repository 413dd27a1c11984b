// The rule options (RULES §4, and those RULES-2 leaves open: the cross-check's severity, the
// plausibility warnings), collapsible. Changes go straight to the parent, which saves them.
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";
import { toHalfWidth } from "../core/text";
import type { StringKey, Translator } from "./strings";

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

/** The settings chosen from a few words: one radio group each. */
type ChoiceKey = "rounding" | "reverseFormula" | "crossCheckSeverity" | "printCheck";

interface ChoiceProps<K extends ChoiceKey> {
  tr: Translator;
  settings: Settings;
  onChange(settings: Settings): void;
  disabled?: boolean;
  setting: K;
  label: StringKey;
  hint: StringKey;
  options: Array<[Settings[K], StringKey]>;
}

function Choice<K extends ChoiceKey>({ tr, settings, onChange, disabled, setting, label, hint, options }: ChoiceProps<K>): React.JSX.Element {
  return (
    <Field label={tr.t(label)} hint={tr.t(hint)}>
      <RadioGroup value={settings[setting]} disabled={disabled} onChange={(_, d) => onChange({ ...settings, [setting]: d.value as Settings[K] })}>
        {options.map(([value, text]) => (
          <Radio key={value} value={value} label={tr.t(text)} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export function SettingsPanel({ tr, settings, onChange, disabled, defaultOpen = false }: SettingsPanelProps): React.JSX.Element {
  const s = useStyles();
  const [open, setOpen] = React.useState(defaultOpen);
  const bodyId = useId("settings-");
  const [thresholdText, setThresholdText] = React.useState(percentText(settings.overachievementThreshold));
  React.useEffect(() => setThresholdText(percentText(settings.overachievementThreshold)), [settings.overachievementThreshold]);
  const thresholdValid = parsePercent(thresholdText) !== null;
  const choice = { tr, settings, onChange, disabled };

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
          <Choice
            {...choice}
            setting="rounding"
            label="roundingLabel"
            hint="roundingHint"
            options={[
              ["truncate", "roundingTruncate"],
              ["half-up", "roundingHalfUp"],
              ["up", "roundingUp"],
            ]}
          />
          <Choice
            {...choice}
            setting="reverseFormula"
            label="reverseLabel"
            hint="reverseHint"
            options={[
              ["ratio", "reverseRatio"],
              ["deviation", "reverseDeviation"],
            ]}
          />
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
          <Choice
            {...choice}
            setting="crossCheckSeverity"
            label="crossLabel"
            hint="crossHint"
            options={[
              ["warning", "crossWarning"],
              ["error", "crossError"],
            ]}
          />
          <Choice
            {...choice}
            setting="printCheck"
            label="printCheckLabel"
            hint="printCheckHint"
            options={[
              ["notice", "printCheckNotice"],
              ["warning", "printCheckWarning"],
              ["off", "printCheckOff"],
            ]}
          />
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
