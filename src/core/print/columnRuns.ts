import type { SheetLayout } from "../snapshot";

type ColEntry = SheetLayout["cols"][number];

/** The last column a sheet has (XFD). */
const MAX_COL = 16_384;

/**
 * Which of a sheet's `<col>` entries sets each column — the last one listed that covers it, as a later
 * entry overrides an earlier — held as runs of columns, not column by column. A sheet whose columns
 * past the form are formatted or hidden lists one entry to the last column (`min="9" max="16384"`,
 * as Excel writes it, and LibreOffice for its default columns): made column by column, that entry was
 * 16,384 map entries for every reading of the sheet, 56 % of a 20-row form's fill.
 */
export class ColumnRuns {
  /** Each run's first column, ascending; a column before the first run, or in a run of no entry, has none. */
  private readonly starts: number[] = [];
  private readonly entries: Array<ColEntry | undefined> = [];

  constructor(cols: readonly ColEntry[]) {
    let ordered = true;
    for (let k = 0; k < cols.length && ordered; k++) {
      const c = cols[k];
      // An entry of no columns, or past the last column (XFD), is no usual list's.
      if (c.max < c.min || c.max > MAX_COL || (k > 0 && c.min <= cols[k - 1].max)) ordered = false;
    }
    if (ordered) {
      // The usual list (the schema's): ascending, no two overlapping.
      let end = 0;
      for (const c of cols) {
        if (end > 0 && c.min > end + 1) this.push(end + 1, undefined);
        this.push(c.min, c);
        end = c.max;
      }
      if (end > 0) this.push(end + 1, undefined);
    } else this.fromAnyOrder(cols);
  }

  private push(start: number, entry: ColEntry | undefined): void {
    const n = this.starts.length;
    if (n > 0 && this.entries[n - 1] === entry) return;
    if (n > 0 && this.starts[n - 1] === start) {
      this.entries[n - 1] = entry;
      return;
    }
    this.starts.push(start);
    this.entries.push(entry);
  }

  /**
   * Entries out of order or overlapping (a damaged or hand-made file): each column given to the last
   * entry over it, the entries taken from the last, each column set once (a column already set is
   * jumped over), so that many entries over the whole width cost no more than the width.
   */
  private fromAnyOrder(cols: readonly ColEntry[]): void {
    let hi = 0;
    for (const c of cols) if (c.min <= c.max) hi = Math.max(hi, Math.min(c.max, MAX_COL));
    const owner = new Int32Array(hi + 2).fill(-1);
    // next[c]: the first column at or after c not yet set (path-halved as it is followed).
    const next = new Int32Array(hi + 2);
    for (let c = 0; c < next.length; c++) next[c] = c;
    const find = (c: number) => {
      while (next[c] !== c) {
        next[c] = next[next[c]];
        c = next[c];
      }
      return c;
    };
    for (let k = cols.length - 1; k >= 0; k--) {
      const min = cols[k].min;
      const max = Math.min(cols[k].max, MAX_COL);
      if (min > max) continue;
      for (let c = find(min); c <= max; c = find(c)) {
        owner[c] = k;
        next[c] = c + 1;
      }
    }
    for (let c = 1; c <= hi + 1; c++) {
      const entry = owner[c] < 0 ? undefined : cols[owner[c]];
      if (this.starts.length === 0 && entry === undefined) continue;
      this.push(c, entry);
    }
  }

  /** The run holding the column: its index, or -1 before the first run. */
  private runAt(col: number): number {
    const s = this.starts;
    let k = -1;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] <= col) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k;
  }

  /** The entry that sets the column, if any. */
  get(col: number): ColEntry | undefined {
    const k = this.runAt(col);
    return k < 0 ? undefined : this.entries[k];
  }

  /** Each run over columns left..right: its entry and how many of those columns it holds. */
  forEachIn(left: number, right: number, visit: (entry: ColEntry | undefined, count: number) => void): void {
    for (let col = left; col <= right; ) {
      const k = this.runAt(col);
      const last = Math.min(right, k + 1 < this.starts.length ? this.starts[k + 1] - 1 : Infinity);
      visit(k < 0 ? undefined : this.entries[k], last - col + 1);
      col = last + 1;
    }
  }
}
