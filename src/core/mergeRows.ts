import type { RangeRef } from "./address";

/**
 * The merged areas over each of the given rows, in the list's order: a cell of one of those rows is
 * looked up among its row's few areas, not tried against every area of the sheet. A form whose rows
 * each merge their reason cells has thousands of areas, and a fill looks up thousands of cells: at
 * 5,000 rows, 50 million tests. A row not given is answered too, from every area (slowly, but never
 * as if no area lay over it: a fill would write into a merged cell).
 */
export function mergesByRow(merges: readonly RangeRef[], rows: Iterable<number>): (row: number) => readonly RangeRef[] {
  // Sorted as numbers by a typed array: no comparator called for each of thousands of rows.
  const wanted = Float64Array.from(new Set(rows)).sort();
  const byRow = new Map<number, RangeRef[]>();
  if (wanted.length > 0) {
    for (const m of merges) {
      // The first wanted row at or below the area's top, then each wanted row down to its bottom.
      let lo = 0;
      let hi = wanted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (wanted[mid] < m.top) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < wanted.length && wanted[k] <= m.bottom; k++) {
        const list = byRow.get(wanted[k]);
        if (list) list.push(m);
        else byRow.set(wanted[k], [m]);
      }
    }
  }
  const given = new Set(wanted);
  return (row) => byRow.get(row) ?? (given.has(row) ? NONE : merges.filter((m) => row >= m.top && row <= m.bottom));
}

const NONE: readonly RangeRef[] = [];
