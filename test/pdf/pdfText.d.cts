export interface PdfPage {
  /** In points. */
  width: number;
  height: number;
  text: string;
}
export function pdfPages(bytes: Uint8Array): PdfPage[];
