/** The workbook formats the checker reads (the command's, src/cli/inputs.ts). */
const WORKBOOK = /\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$/i;
/** Excel's lock files (~$自评表.xlsx) are not workbooks; copies this checker or the command made are not forms to check. */
const LOCK = /(^|\/)~\$/;
const COPY = /\.(filled|marked|submit|cleared)( \(\d+\))?\.(xlsx|xlsm|xltx|xltm)$/i;

export interface Picked {
  /** The path it was chosen with: 文件夹/自评表.xlsx for a file in a dropped or chosen folder. */
  name: string;
  file: File;
}

export function sortPicked(files: Picked[]): { workbooks: Picked[]; skipped: string[] } {
  const workbooks: Picked[] = [];
  const skipped: string[] = [];
  for (const p of files) {
    if (WORKBOOK.test(p.name) && !LOCK.test(p.name) && !COPY.test(p.name)) workbooks.push(p);
    else skipped.push(p.name);
  }
  workbooks.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { workbooks, skipped };
}

/** Files from an <input type="file"> (with webkitdirectory, each knows its path in the folder). */
export function fromInput(list: FileList | null): Picked[] {
  return [...(list ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** Files and folders dropped on the page, folders read whole (FileSystemEntry API). */
export async function fromDrop(data: DataTransfer): Promise<Picked[]> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...data.files].map((file) => ({ name: file.name, file }));
  const out: Picked[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ name: `${prefix}${entry.name}`, file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 in Chrome) until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  for (const e of entries) await walk(e, "");
  return out;
}
