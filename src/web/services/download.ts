/** Saves bytes as a file the browser downloads (no server involved: an object URL of a Blob). */
export function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download only after the click's task ends.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The filled copy's name, as the command names it: 自评表.xlsx → 自评表.filled.xlsx (an .xls → .filled.xlsx);
 * the copy to submit, without marks and notes, 自评表.submit.xlsx (as --fix --clean).
 */
export function filledName(file: string, clean = false): string {
  const base = file.split("/").pop() ?? file;
  const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(base)?.[1].toLowerCase() ?? "xlsx";
  return `${base.replace(/\.(xlsx|xlsm|xltx|xltm|xls|ods|et)$/i, "")}.${clean ? "submit" : "filled"}.${ext}`;
}
