// What the task pane takes from Office: the display language and the theme. Pure functions, so the
// choice can be tested without office.js.
import type { Locale } from "./strings";

export interface PaneTheme {
  dark: boolean;
  /** Office's task pane background (#RRGGBB), to blend in; absent outside Office. */
  background?: string;
}

/** zh, zh-CN, zh-TW … → Chinese; everything else, or nothing, → English when given, Chinese when absent. */
export function localeFor(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return "zh-CN";
  return /^zh\b/i.test(displayLanguage) ? "zh-CN" : "en-US";
}

/** Dark when Office's body background is dark: relative luminance below that of mid grey (#777). */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined | null): PaneTheme {
  const bg = officeTheme?.bodyBackgroundColor;
  const rgb = bg ? parseHex(bg) : null;
  if (!rgb) return { dark: false };
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return { dark: luminance < 0.18, background: bg };
}

function parseHex(color: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}
