// zod's functional build: the same schemas and parsing, a tenth of the task pane's bundle less than its
// method-chaining one (issue 21; the pane's JavaScript is held to 200 KB gzip).
import * as z from "./zod";

/** The rule options of RULES §4, with their documented defaults. */
export const SettingsSchema = z.object({
  /** How rates and scores are cut to two decimals. Seed 001 (all eight 2023 tables) truncates. */
  rounding: z._default(z.enum(["truncate", "half-up", "up"]), "truncate"),
  /**
   * Lower-is-better indicators not met: `ratio` = weight × target / actual (财预〔2020〕10号 practice),
   * `deviation` = weight × max(0, 1 − (actual − target) / target).
   */
  reverseFormula: z._default(z.enum(["ratio", "deviation"]), "ratio"),
  /** An actual this share or more above a `>=`/`>` target needs an explanation (0.5 = 50%). */
  overachievementThreshold: z._default(z.number().check(z.gte(0)), 0.5),
  /** The severity of the cross-check against the declared targets (RULES-2 §10.3, a setting there). */
  crossCheckSeverity: z._default(z.enum(["warning", "error"]), "warning"),
  /**
   * Where the funds block has a 原因 column (Sichuan), an execution rate below this percentage needs a
   * reason there (RULES-2 §9.2); null turns it off. Forms without that column have nowhere to put one.
   */
  budgetReasonBelow: z._default(z.nullable(z.number().check(z.gte(0), z.lte(100))), 90),
  /**
   * The plausibility warnings of RULES-2 §11.2, unconfirmed (no source for their thresholds), so off
   * by default: `indicator-ratio-high` (the indicators scored at ratioHigh of their weights or more
   * while the execution rate is below rateLow) and `grade-vs-rate` (优 with a rate below 80 %).
   */
  plausibility: z._default(z.boolean(), false),
  /** The print check before stamping (issue 19 §5): notices by default, warnings, or not made. */
  printCheck: z._default(z.enum(["notice", "warning", "off"]), "notice"),
  ratioHigh: z._default(z.number().check(z.gte(0), z.lte(1)), 0.95),
  rateLow: z._default(z.number().check(z.gte(0), z.lte(100)), 60),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze(SettingsSchema.parse({}));

/** The last input resolved (a copy of its keys) and what it gave: a batch resolves the same settings for every sheet. */
let last: { input: Record<string, unknown>; settings: Settings } | null = null;

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
};

/** The settings with their defaults filled in; frozen, since the same object may be given again. */
export function resolveSettings(input?: SettingsInput): Settings {
  const given = (input ?? {}) as Record<string, unknown>;
  if (last !== null && sameKeys(last.input, given)) return last.settings;
  const settings = Object.freeze(SettingsSchema.parse(given));
  last = { input: { ...given }, settings };
  return settings;
}
