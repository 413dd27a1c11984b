import { resolveSettings } from "../../core/settings";
import { checkWorkbookBytes } from "../../xlsx/checkBytes";
import type { Reply, Request } from "./protocol";

/**
 * Does what the page asks, with the .xlsx adapter the command uses (src/xlsx/checkBytes.ts): in the
 * worker, or in the page itself where a worker cannot start (a page opened from disk).
 */
export async function run(req: Request): Promise<Reply> {
  try {
    if (req.type === "summary") {
      // ExcelJS only when a summary is asked for: checking reads the packages without it.
      const { summaryWorkbook } = await import(/* webpackChunkName: "summary" */ "../../xlsx/summaryWorkbook");
      const bytes = await summaryWorkbook(req.files, {
        // The summary is saved where the reviewer chooses; links point at the files by the path they were chosen with.
        linkOf: (file) => file,
        madeAt: new Date(req.madeAt),
        version: req.version,
        settings: { ...resolveSettings(req.settings), host: "web" },
      });
      return { id: req.id, ok: true, bytes };
    }
    const bytes = new Uint8Array(req.file instanceof ArrayBuffer ? req.file : await req.file.arrayBuffer());
    const settings = resolveSettings(req.settings);
    const checked = await checkWorkbookBytes(req.name, bytes, req.type === "fill" ? { settings, copy: "fill", extraFindings: req.extraFindings, ...(req.clean ? { clean: true } : {}) } : { settings });
    return { id: req.id, ok: true, result: checked.result, ...(checked.copy ? { bytes: checked.copy } : {}) };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
