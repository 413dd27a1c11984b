/**
 * Tells this page's own writes apart from everyone else's in Worksheet.onChanged: an event for a
 * cell this page wrote, while the write is under way or shortly after (events arrive after the
 * sync), is ours. ExcelApi 1.14's triggerSource "ThisLocalAddin" is not enough on its own: it names
 * the add-in, not the page, so the ribbon's commands (another page of the same add-in) write with
 * it too, and a pane that took those for its own would go stale.
 */
export class OwnChanges {
  private readonly keys = new Set<string>();
  private writing = 0;
  private until = 0;

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly graceMs = 2000,
  ) {}

  begin(sheetId: string, cells: Iterable<string>): void {
    for (const c of cells) this.keys.add(key(sheetId, c));
  }

  start(): void {
    this.writing++;
  }

  end(): void {
    this.writing--;
    this.until = this.now() + this.graceMs;
  }

  isOwn(e: { worksheetId?: string; address?: string; triggerSource?: string }): boolean {
    // Where the event names its source (ExcelApi 1.14), anything but this add-in is a person's
    // edit: the timing guess below would swallow an edit to a cell the add-in marked a moment ago.
    if (e.triggerSource !== undefined && e.triggerSource !== "ThisLocalAddin") return false;
    if (this.writing === 0 && this.now() > this.until) {
      this.keys.clear();
      return false;
    }
    return this.keys.has(key(e.worksheetId ?? "", e.address ?? ""));
  }
}

function key(sheetId: string, address: string): string {
  const bare = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
  return `${sheetId}|${bare}`;
}
