import { DEFAULT_SETTINGS, resolveSettings, type SettingsInput } from "../../src/core/settings";

test("settings resolve with their defaults; the same input gives the same frozen object, a changed one its own", () => {
  expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
  const input: SettingsInput = { rounding: "half-up" };
  const a = resolveSettings(input);
  expect(a).toEqual({ ...DEFAULT_SETTINGS, rounding: "half-up" });
  expect(Object.isFrozen(a)).toBe(true);
  expect(resolveSettings({ rounding: "half-up" })).toBe(a);
  // An input changed in place after it was resolved is read again, not served from before.
  input.rounding = "up";
  expect(resolveSettings(input).rounding).toBe("up");
  input.printCheck = "off";
  expect(resolveSettings(input)).toEqual({ ...DEFAULT_SETTINGS, rounding: "up", printCheck: "off" });
  expect(resolveSettings({})).toEqual(DEFAULT_SETTINGS);
  expect(() => resolveSettings({ rounding: "sideways" } as unknown as SettingsInput)).toThrow();
  expect(resolveSettings({}).rounding).toBe("truncate");
});
