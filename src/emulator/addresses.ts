import { parseRange, rangeToA1, type RangeRef } from "../core/address";

/** A sheet name as Excel writes it in an address: quoted when it is not a plain name. */
function sheetRef(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R|C|RC)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" as Range.address gives it. */
export function rangeAddress(sheetName: string, ref: RangeRef): string {
  return `${sheetRef(sheetName)}!${rangeToA1(ref)}`;
}

/** The A1 part of an address, without "$" and without a sheet name. */
export function bareAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").toUpperCase();
}

/** A range of a sheet from an address ("A1", "b2:c3", "Sheet1!A1"); throws on anything else. */
export function parseAddress(address: string): RangeRef {
  return parseRange(bareAddress(address));
}

export const WHOLE_SHEET: RangeRef = { top: 1, left: 1, bottom: 1048576, right: 16384 };

export function cellCount(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
