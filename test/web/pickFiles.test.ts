/**
 * A folder dropped on the page (src/web/services/pickFiles.ts): the FileSystemEntry walk, which
 * headless Chromium cannot produce from a synthetic drag. Entries here behave as Chrome's do:
 * readEntries answers in batches until an empty one.
 */
import { fromDrop } from "../../src/web/services/pickFiles";

type FakeEntry = { isFile: boolean; isDirectory: boolean; name: string; file?: (ok: (f: File) => void) => void; createReader?: () => { readEntries: (ok: (e: FakeEntry[]) => void) => void } };

const file = (name: string): FakeEntry => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(new File(["x"], name)) });

/** A folder whose reader hands out its children two at a time. */
function folder(name: string, children: FakeEntry[]): FakeEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          ok(batch);
        },
      };
    },
  };
}

const dropOf = (entries: FakeEntry[], files: File[] = []) => ({ items: entries.map((e) => ({ webkitGetAsEntry: () => e })), files }) as unknown as DataTransfer;

test("a dropped folder is read whole, subfolders and all, each file with its path", async () => {
  const drop = dropOf([folder("收到的自评表", [file("a.xlsx"), folder("二处", [file("b.xls"), file("c.ods"), file("说明.txt")]), file("d.xlsx"), file("e.xlsx")]), file("单独.xlsx")]);
  const picked = await fromDrop(drop);
  expect(picked.map((p) => p.name)).toEqual(["收到的自评表/a.xlsx", "收到的自评表/二处/b.xls", "收到的自评表/二处/c.ods", "收到的自评表/二处/说明.txt", "收到的自评表/d.xlsx", "收到的自评表/e.xlsx", "单独.xlsx"]);
  expect(picked.every((p) => p.file instanceof File)).toBe(true);
});

test("without entries (a drop from another program), the dropped files are taken as they are", async () => {
  const drop = { items: [{ webkitGetAsEntry: () => null }], files: [new File(["x"], "表.xlsx")] } as unknown as DataTransfer;
  expect((await fromDrop(drop)).map((p) => p.name)).toEqual(["表.xlsx"]);
});
