/**
 * A small renderer for the number formats these forms use (General, 0.00, #,##0.00, 0.00%…), so a
 * host without Excel's own text (ExcelJS, the emulator) shows what Excel would show.
 */
export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const fmt = (format ?? "General").split(";")[0];
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return general(value);
  const literal = (s: string) => s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const body = fmt.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  const m = /([#0,]*0|#)(?:\.(0+|#+))?/.exec(body);
  if (!m) return general(value);
  const percent = body.includes("%");
  const decimals = m[2] ? m[2].length : 0;
  const grouping = m[1].includes(",");
  const v = percent ? value * 100 : value;
  let s = Math.abs(v).toFixed(decimals);
  if (grouping) {
    const [int, frac] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  if (v < 0 && Number(s.replace(/,/g, "")) !== 0) s = `-${s}`;
  const before = literal(fmt.slice(0, fmt.indexOf(m[0]) >= 0 ? fmt.indexOf(m[0]) : 0)).replace(/[#0,.%]/g, "");
  const afterRaw = fmt.slice((fmt.indexOf(m[0]) >= 0 ? fmt.indexOf(m[0]) : 0) + m[0].length);
  const after = literal(afterRaw).replace(/[#0,.]/g, "");
  return `${before}${s}${after}`;
}

function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const p = Number(v.toPrecision(11));
  return String(p);
}
