/**
 * Which cells the add-in has marked, kept in the workbook as a custom XML part (ExcelApi 1.5): saved
 * with the file, invisible in the grid, and keyed by worksheet id (which survives renaming). Clearing
 * the marks then reads the conditional formats of those cells only, instead of the whole sheet's
 * collection, which Excel fails to read or address when rules share cells (office-js issues 5222,
 * 6827, 6835).
 */
export const MARKS_NAMESPACE = "urn:jixiao:marks:1";

/** Sheet id → the cells marked there. */
export type MarkRecord = Map<string, string[]>;

export interface RecordRead {
  parts: Excel.CustomXmlPartScopedCollection;
  part: Excel.CustomXmlPart | null;
  xml: OfficeExtension.ClientResult<string> | null;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function parseRecord(xml: string | null | undefined): MarkRecord {
  const out: MarkRecord = new Map();
  if (!xml) return out;
  for (const m of xml.matchAll(/<sheet\s+id="([^"]*)"\s*>([^<]*(?:<c>[A-Z]{1,3}[0-9]{1,7}<\/c>[^<]*)*)<\/sheet>/g)) {
    const cells = [...m[2].matchAll(/<c>([A-Z]{1,3}[0-9]{1,7})<\/c>/g)].map((c) => c[1]);
    out.set(unescapeXml(m[1]), cells);
  }
  return out;
}

function recordXml(record: MarkRecord): string {
  const sheets = [...record]
    .filter(([, cells]) => cells.length > 0)
    .map(([id, cells]) => `<sheet id="${escapeXml(id)}">${[...new Set(cells)].map((c) => `<c>${c}</c>`).join("")}</sheet>`)
    .join("");
  return `<marks xmlns="${MARKS_NAMESPACE}">${sheets}</marks>`;
}

/** Queue the look-up of the record's part (its XML is asked for once the part is known). */
export function queueRecordRead(workbook: Excel.Workbook): RecordRead {
  const parts = workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load("items/id");
  return { parts, part: null, xml: null };
}

/** After the look-up has been synced: queue the XML of the part, if there is one. */
export function queueRecordXml(read: RecordRead): void {
  read.part = read.parts.items[0] ?? null;
  read.xml = read.part ? read.part.getXml() : null;
}

export function recordOf(read: RecordRead | null): MarkRecord {
  return parseRecord(read?.xml?.value);
}

/** Queue the new record in the write batch: the part is replaced, or added when there was none. */
export function queueRecordWrite(workbook: Excel.Workbook, read: RecordRead, record: MarkRecord): void {
  const xml = recordXml(record);
  if (read.part) read.part.setXml(xml);
  else if ([...record.values()].some((c) => c.length > 0)) workbook.customXmlParts.add(xml);
}
