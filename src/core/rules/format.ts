import { fmt2 } from "../numbers";
import type { Settings } from "../settings";

export const ROUNDING_LABEL: Record<Settings["rounding"], { zh: string; en: string }> = {
  truncate: { zh: "截位保留两位小数", en: "cut to two decimals" },
  "half-up": { zh: "四舍五入保留两位小数", en: "rounded half up to two decimals" },
  up: { zh: "向上进位保留两位小数", en: "rounded up to two decimals" },
};

export const n2 = fmt2;
