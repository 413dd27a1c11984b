import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { parsePercent } from "../../src/taskpane/SettingsPanel";
import { SETTINGS_KEY, loadSettings, saveSettings, type SettingsStorage } from "../../src/host/settingsStore";

describe("settings storage", () => {
  function memory(initial?: string): SettingsStorage & { data: Map<string, string> } {
    const data = new Map<string, string>(initial === undefined ? [] : [[SETTINGS_KEY, initial]]);
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }
  const DEFAULTS = DEFAULT_SETTINGS;

  test("round trip", () => {
    const s = memory();
    const saved = { ...DEFAULT_SETTINGS, rounding: "up", reverseFormula: "deviation", overachievementThreshold: 0.3, crossCheckSeverity: "error" } as const;
    saveSettings(s, saved);
    expect(JSON.parse(s.data.get(SETTINGS_KEY) ?? "")).toEqual(saved);
    expect(loadSettings(s)).toEqual(saved);
  });

  test("partial data is completed with defaults; bad data gives the defaults", () => {
    expect(loadSettings(memory(JSON.stringify({ rounding: "half-up" })))).toEqual({ ...DEFAULTS, rounding: "half-up" });
    for (const bad of ["", "{", "null", "[]", '"x"', JSON.stringify({ rounding: 1 }), JSON.stringify({ reverseFormula: "other" })]) {
      expect(loadSettings(memory(bad))).toEqual(DEFAULTS);
    }
    expect(loadSettings(null)).toEqual(DEFAULTS);
    expect(loadSettings(memory())).toEqual(DEFAULTS);
  });

  test("a storage that throws is survived", () => {
    const throwing: SettingsStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(loadSettings(throwing)).toEqual(DEFAULTS);
    expect(() => saveSettings(throwing, { ...DEFAULT_SETTINGS, rounding: "up" })).not.toThrow();
  });
});

describe("the over-achievement threshold as typed", () => {
  test.each([
    ["50", 0.5],
    ["８０", 0.8],
    ["50%", 0.5],
    [" 33.5 ", 0.335],
    ["0", 0],
    ["１２０％", 1.2],
  ])("%s → %s", (text, share) => expect(parsePercent(text)).toBeCloseTo(share, 10));
  test.each(["", "abc", "-5", "5,0", "1e2", "50%%"])("%s is refused", (text) => expect(parsePercent(text)).toBeNull());
});
