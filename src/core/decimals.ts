/** Decimal texts of numbers as Excel rounds them for display: on fifteen significant digits, half away from zero. */

/**
 * |x| with `d` decimals as Excel shows it: rounded half away from zero on its fifteen significant
 * decimal digits (what Excel keeps of a number), not on its binary value: 1.005 → "1.01", and
 * 9367367948.2 → "9367367948.200000" where toFixed gives …200001. String arithmetic, exact.
 */
export function fixedDecimal(absx: number, d: number): string {
  if (!(absx > 0)) return (0).toFixed(d);
  // Most values (95, 0.85, 12.5) are written in at most fifteen characters with no more decimals than
  // shown: those digits are the fifteen Excel keeps (a shortest round trip of fifteen significant
  // digits or fewer is what rounding to fifteen gives), padded with zeros.
  const s = String(absx);
  if (s.length <= 15 && !s.includes("e")) {
    const dot = s.indexOf(".");
    const decimals = dot < 0 ? 0 : s.length - dot - 1;
    if (decimals <= d) return d === 0 ? s : `${dot < 0 ? `${s}.` : s}${"0".repeat(d - decimals)}`;
  }
  return fifteenDigitsFixed(absx, d);
}

/** fixedDecimal by its digits rounded to fifteen, for any positive value. */
export function fifteenDigitsFixed(absx: number, d: number): string {
  const [mant, e] = absx.toExponential(14).split("e");
  const digits = mant.replace(".", "");
  const exp = Number(e);
  let int: string;
  let frac: string;
  if (exp >= 14) {
    int = digits + "0".repeat(exp - 14);
    frac = "";
  } else if (exp >= 0) {
    int = digits.slice(0, exp + 1);
    frac = digits.slice(exp + 1);
  } else {
    int = "0";
    frac = "0".repeat(-exp - 1) + digits;
  }
  if (frac.length <= d) return d === 0 ? int : `${int}.${frac.padEnd(d, "0")}`;
  let kept = int + frac.slice(0, d);
  if (frac[d] >= "5") {
    const chars = kept.split("");
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === "9") chars[i--] = "0";
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
    else chars.unshift("1");
    kept = chars.join("");
  }
  const intLen = kept.length - d;
  return d === 0 ? kept : `${kept.slice(0, intLen)}.${kept.slice(intLen)}`;
}
