// Forms as years of editing leave them (bench section 3a″): the same small form with what real
// workbooks accumulate — columns past the form hidden to the sheet's last, styles grown by copy and
// paste, thousands of empty rows given a height below the form. Each made from a form's bytes by
// editing its parts, as Excel and LibreOffice write these structures.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const JSZip = require("jszip");

const SHEET = "xl/worksheets/sheet1.xml";

async function edited(bytes, part, edit) {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await zip.file(part).async("string")));
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

/** One `<col>` entry from the column after the form to XFD, hidden (as Excel writes hidden or formatted columns to the right; LibreOffice its default columns). */
export function withColumnsToXfd(bytes) {
  const tail = '<col min="9" max="16384" width="9" hidden="1" customWidth="1"/>';
  return edited(bytes, SHEET, (xml) => (xml.includes("</cols>") ? xml.replace("</cols>", `${tail}</cols>`) : xml.replace(/<sheetData\b/, `<cols>${tail}</cols><sheetData`)));
}

/** styles.xml grown by copy and paste between workbooks: `xfs` cell formats over `fonts` fonts (Excel's "too many different cell formats"). */
export function withStylesGrown(bytes, xfs = 60_000, fonts = 3_000) {
  return edited(bytes, "xl/styles.xml", (xml) => {
    let f = "";
    for (let i = 0; i < fonts; i++) f += `<font><sz val="${9 + (i % 5)}"/><color rgb="FF${((i * 2654435761) >>> 8).toString(16).padStart(6, "0").slice(0, 6)}"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`;
    let x = "";
    for (let i = 0; i < xfs; i++) x += `<xf numFmtId="${i % 3 === 0 ? 0 : 2}" fontId="${i % (fonts + 1)}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>`;
    return xml
      .replace(/<fonts count="(\d+)"/, (_m, n) => `<fonts count="${Number(n) + fonts}"`)
      .replace("</fonts>", `${f}</fonts>`)
      .replace(/<cellXfs count="(\d+)"/, (_m, n) => `<cellXfs count="${Number(n) + xfs}"`)
      .replace("</cellXfs>", `${x}</cellXfs>`);
  });
}

/** `rows` empty rows below the form, each given a height (as a height or format set on whole rows leaves them). */
export function withRowsBelow(bytes, rows = 100_000) {
  return edited(bytes, SHEET, (xml) => {
    const last = Math.max(...[...xml.matchAll(/<row[^>]*\br="(\d+)"/g)].map((m) => Number(m[1])));
    const parts = [];
    for (let r = last + 1; r <= last + rows; r++) parts.push(`<row r="${r}" spans="1:8" s="1" customFormat="1" ht="15" customHeight="1"/>`);
    return xml.replace("</sheetData>", `${parts.join("")}</sheetData>`);
  });
}

/** A department's workbook: the form's sheet `count` times over, a project a sheet (its values and formats; ExcelJS writes it). */
export async function withSheets(workbook, count = 100) {
  const ExcelJS = require("exceljs");
  const form = workbook.worksheets[0];
  const out = new ExcelJS.Workbook();
  for (let k = 0; k < count; k++) {
    const ws = out.addWorksheet(`项目${k + 1}`);
    form.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        ws.getCell(c.address).value = c.value;
        ws.getCell(c.address).numFmt = c.numFmt;
      }),
    );
  }
  return new Uint8Array(await out.xlsx.writeBuffer());
}

/** A photo pasted into the form (`mb` MB of incompressible bytes, as a JPEG is), anchored beside it. */
export async function withPhoto(bytes, mb = 20) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const photo = Buffer.alloc(mb * 1024 * 1024);
  let s = 0x9e3779b9;
  for (let i = 0; i < photo.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    photo[i] = s & 0xff;
  }
  photo.set([0xff, 0xd8, 0xff, 0xe0]);
  wb.worksheets[0].addImage(wb.addImage({ buffer: photo, extension: "jpeg" }), "K2:P20");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The form beside a sheet of data (a 资金明细 of `rows` rows: dates, vouchers, amounts, no header words of a form). */
export async function withDataSheet(bytes, rows = 30_000) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.addWorksheet("资金明细");
  ws.addRow(["日期", "凭证号", "摘要", "科目", "金额", "经办人", "备注", "类别", "部门", "项目编码"]);
  for (let r = 0; r < rows; r++) {
    ws.addRow([new Date(2023, r % 12, 1 + (r % 28)), `记-${r}`, `支付第${r}笔劳务费`, "5020101", Math.round(r * 137.31) / 100, ["张三", "李四", "王五"][r % 3], r % 7 ? null : "跨年", "项目支出", "财务科", `P${1000 + (r % 50)}`]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
