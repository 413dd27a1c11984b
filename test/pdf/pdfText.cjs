// The pages of a PDF as a reader sees them: each page's size and its text, decoded through the fonts'
// ToUnicode maps. Enough for the PDFs Chromium (Skia) and LibreOffice write — uncompressed object
// tables, Flate streams, simple and Type0 fonts — so the print tests can look at what was printed.
"use strict";
const zlib = require("node:zlib");

function objectsOf(buf) {
  const s = buf.toString("latin1");
  const objs = new Map();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endobj", start);
    if (end < 0) break;
    let body = s.slice(start, end);
    let stream = null;
    const st = body.search(/\bstream\r?\n/);
    if (st >= 0) {
      const dict = body.slice(0, st);
      const dataStart = start + st + body.slice(st).match(/^stream\r?\n/)[0].length;
      const lenRef = /\/Length\s+(\d+)\s+0\s+R/.exec(dict);
      let len = lenRef ? null : Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
      stream = { dict, dataStart, len, lenRef: lenRef ? Number(lenRef[1]) : null };
      body = dict;
    }
    objs.set(Number(m[1]), { body, stream });
    re.lastIndex = end;
  }
  const num = (n) => Number(/^\s*(\d+)/.exec(objs.get(n)?.body ?? "")?.[1]);
  const data = (n) => {
    const o = objs.get(n);
    if (!o?.stream) return "";
    const len = o.stream.len ?? num(o.stream.lenRef);
    let bytes = buf.subarray(o.stream.dataStart, o.stream.dataStart + len);
    if (/\/FlateDecode/.test(o.stream.dict)) bytes = zlib.inflateSync(bytes);
    return bytes.toString("latin1");
  };
  return { objs, data };
}

const ref = (text, key) => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
  return m ? Number(m[1]) : null;
};

/** The dictionary after `/key`, inline (`<< … >>`) or referenced. */
function dictOf(pdf, text, key) {
  const at = text.search(new RegExp(`/${key}\\s*(<<|\\d+\\s+0\\s+R)`));
  if (at < 0) return "";
  const rest = text.slice(at + key.length + 1).trimStart();
  if (!rest.startsWith("<<")) return pdf.objs.get(Number(/^(\d+)/.exec(rest)[1]))?.body ?? "";
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest.startsWith("<<", i)) {
      depth++;
      i++;
    } else if (rest.startsWith(">>", i)) {
      depth--;
      i++;
      if (depth === 0) return rest.slice(0, i + 1);
    }
  }
  return rest;
}

const hexBytes = (h) => Buffer.from(h.replace(/\s/g, "").padEnd(Math.ceil(h.replace(/\s/g, "").length / 2) * 2, "0"), "hex");
const utf16 = (h) => Buffer.from(h, "hex").swap16().toString("utf16le");

function cmapOf(text) {
  const map = new Map();
  let width = 1;
  const cs = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (cs) width = cs[1].length / 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[4] !== undefined) {
        const base = Buffer.from(m[4], "hex").swap16().toString("utf16le");
        const last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(last + c - lo));
      } else {
        const list = [...m[5].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]));
        for (let c = lo; c <= hi; c++) map.set(c, list[c - lo] ?? "");
      }
    }
  }
  return { map, width };
}

function literalBytes(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== "\\") {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const n = s[++i];
    const esc = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 }[n];
    if (esc !== undefined) out.push(esc);
    else if (/[0-7]/.test(n)) {
      let o = n;
      while (o.length < 3 && /[0-7]/.test(s[i + 1])) o += s[++i];
      out.push(parseInt(o, 8) & 255);
    } else if (n === "\r" || n === "\n") {
      if (n === "\r" && s[i + 1] === "\n") i++;
    } else out.push(n.charCodeAt(0));
  }
  return Buffer.from(out);
}

/** The text shown by one content stream, a line per text line (a new line where the text moves down). */
function textOf(content, fonts) {
  let font = null;
  let out = "";
  let lastY = null;
  const decode = (bytes) => {
    if (!font) return bytes.toString("latin1");
    let s = "";
    for (let i = 0; i + font.width <= bytes.length; i += font.width) {
      const code = font.width === 2 ? bytes.readUInt16BE(i) : bytes[i];
      s += font.map.get(code) ?? "";
    }
    return s;
  };
  const re = /\/([^\s/[\]()<>]+)\s+[\d.]+\s+Tf|(-?[\d.]+)\s+(-?[\d.]+)\s+Td|[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+(-?[\d.]+)\s+(-?[\d.]+)\s+Tm|\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|<[0-9a-fA-F\s]*>(?!>)|\bT\*|\bET\b/g;
  let m;
  while ((m = re.exec(content))) {
    const t = m[0];
    if (m[1] !== undefined) font = fonts.get(m[1]) ?? null;
    else if (m[5] !== undefined || m[3] !== undefined) {
      const y = Number(m[5] ?? m[3]);
      if (m[5] !== undefined) {
        if (lastY !== null && Math.abs(y - lastY) > 1) out += "\n";
        lastY = y;
      } else if (Math.abs(y) > 1) out += "\n";
      else out += " ";
    } else if (t === "T*") out += "\n";
    else if (t === "ET") out += " ";
    else if (t.startsWith("(")) out += decode(literalBytes(t.slice(1, -1)));
    else if (t.startsWith("<")) out += decode(hexBytes(t.slice(1, -1)));
  }
  return out;
}

/** Every page, in order: its size in points and its text. */
function pdfPages(buf) {
  const pdf = objectsOf(Buffer.from(buf));
  const root = [...pdf.objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.body));
  const pagesOf = (n) => {
    const body = pdf.objs.get(n)?.body ?? "";
    if (/\/Type\s*\/Pages/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? "";
      return [...kids.matchAll(/(\d+)\s+0\s+R/g)].flatMap((k) => pagesOf(Number(k[1])));
    }
    return [n];
  };
  const order = pagesOf(ref(root.body, "Pages"));
  const fontCache = new Map();
  return order.map((n) => {
    const body = pdf.objs.get(n).body;
    const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(body);
    const resources = dictOf(pdf, body, "Resources");
    const fontDict = dictOf(pdf, resources, "Font");
    const fonts = new Map();
    for (const f of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
      const id = Number(f[2]);
      if (!fontCache.has(id)) {
        const fb = pdf.objs.get(id)?.body ?? "";
        const tu = ref(fb, "ToUnicode");
        fontCache.set(id, tu ? cmapOf(pdf.data(tu)) : { map: new Map(), width: /Type0/.test(fb) ? 2 : 1 });
      }
      fonts.set(f[1], fontCache.get(id));
    }
    const contentsArr = /\/Contents\s*\[([^\]]*)\]/.exec(body);
    const ids = contentsArr ? [...contentsArr[1].matchAll(/(\d+)\s+0\s+R/g)].map((x) => Number(x[1])) : [ref(body, "Contents")];
    const text = ids.map((id) => textOf(pdf.data(id), fonts)).join("\n");
    return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]), text };
  });
}

module.exports = { pdfPages };
