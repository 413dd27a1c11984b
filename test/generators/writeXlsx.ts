// Two writers of a snapshot as a real .xlsx: ExcelJS, and a package written by hand part by part
// (inline strings, one style per number format, merges), as programs other than ExcelJS write them.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { toA1 } from "../../src/core/address";
import type { SheetSnapshot } from "../../src/core/snapshot";

export async function viaExcelJs(snap: SheetSnapshot): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(snap.name);
  snap.values.forEach((line, i) =>
    line.forEach((v, j) => {
      const f = snap.formulas[i][j];
      const fmt = snap.numberFormats[i][j];
      if (v === null && !f) return;
      const cell = ws.getCell(toA1(snap.origin.row + i, snap.origin.col + j));
      cell.value = f ? ({ formula: f.replace(/^=/, ""), result: v ?? undefined } as ExcelJS.CellFormulaValue) : v;
      if (fmt && fmt !== "General") cell.numFmt = fmt;
    }),
  );
  for (const m of snap.merges) ws.mergeCells(m);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function viaHandMadeXml(snap: SheetSnapshot): Promise<Uint8Array> {
  const formats = [...new Set(snap.numberFormats.flat().filter((f) => f && f !== "General"))];
  const styleOf = (f: string) => (f && f !== "General" ? formats.indexOf(f) + 1 : 0);
  const rows = snap.values
    .map((line, i) => {
      const r = snap.origin.row + i;
      const cells = line
        .map((v, j) => {
          const ref = toA1(r, snap.origin.col + j);
          const s = styleOf(snap.numberFormats[i][j]);
          const sAttr = s ? ` s="${s}"` : "";
          const f = snap.formulas[i][j];
          const fx = f ? `<f>${esc(f.replace(/^=/, ""))}</f>` : "";
          if (v === null) return f ? `<c r="${ref}"${sAttr}>${fx}</c>` : "";
          if (typeof v === "number") return `<c r="${ref}"${sAttr}>${fx}<v>${v}</v></c>`;
          if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b">${fx}<v>${v ? 1 : 0}</v></c>`;
          const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
          return f ? `<c r="${ref}"${sAttr} t="str">${fx}<v>${esc(v)}</v></c>` : `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
        })
        .join("");
      return cells ? `<row r="${r}">${cells}</row>` : "";
    })
    .join("");
  const merges = snap.merges.length ? `<mergeCells count="${snap.merges.length}">${snap.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  const numFmts = formats.length ? `<numFmts count="${formats.length}">${formats.map((f, k) => `<numFmt numFmtId="${164 + k}" formatCode="${esc(f)}"/>`).join("")}</numFmts>` : "";
  const xfs = [`<xf numFmtId="0"/>`, ...formats.map((_, k) => `<xf numFmtId="${164 + k}" applyNumberFormat="1"/>`)];
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(snap.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}
