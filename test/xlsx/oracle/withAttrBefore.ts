// withAttr as it was before it read the tag's attributes in order (a regular expression over the tag):
// the oracle its property test holds the new one to, where the old one was right (no attribute's value
// holding another's name and equals sign).
import { escapeAttr, type Element } from "../../../src/xlsx/package/xml";

export function withAttrBefore(xml: string, el: Element, name: string, value: string): string {
  const tag = xml.slice(el.start, el.tagEnd);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, (_m, head: string) => `${head}"${escapeAttr(value)}"`);
  const cut = el.selfClosing ? tag.lastIndexOf("/") : tag.length - 1;
  const before = tag.slice(0, cut).replace(/\s+$/, "");
  return `${before} ${name}="${escapeAttr(value)}"${tag.slice(cut)}`;
}
