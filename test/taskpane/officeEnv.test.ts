import { localeFor, themeFor } from "../../src/taskpane/officeEnv";

describe("Office display language", () => {
  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["de-DE", "en-US"],
    ["", "zh-CN"],
    [undefined, "zh-CN"],
  ])("%s → %s", (lang, locale) => expect(localeFor(lang)).toBe(locale));
});

describe("Office theme", () => {
  test.each([
    ["#FFFFFF", false],
    ["#E6E6E6", false],
    ["#d4d4d4", false],
    ["#666666", true],
    ["#262626", true],
    ["#000", true],
  ])("background %s → dark %s", (bg, dark) => {
    expect(themeFor({ bodyBackgroundColor: bg })).toEqual({ dark, background: bg });
  });

  test("no theme (Excel on the web, a browser tab) or a strange value → light, no background", () => {
    expect(themeFor(undefined)).toEqual({ dark: false });
    expect(themeFor({})).toEqual({ dark: false });
    expect(themeFor({ bodyBackgroundColor: "transparent" })).toEqual({ dark: false });
  });
});
