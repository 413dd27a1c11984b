/**
 * Tells the add-in's own writes apart from the user's in Worksheet.onChanged. With ExcelApi 1.14
 * the event says so itself (triggerSource "ThisLocalAddin"); before that, an event for a cell the
 * add-in wrote, while the write is under way or shortly after (events arrive after the sync), is
 * taken for ours.
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
    if (e.triggerSource === "ThisLocalAddin") return true;
    // Where the event names its source (ExcelApi 1.14), anything else is a person's edit: the
    // timing guess below would swallow an edit to a cell the add-in marked a moment ago.
    if (e.triggerSource !== undefined) return false;
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
