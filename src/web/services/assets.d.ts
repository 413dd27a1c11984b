/** A workbook bundled into the worker (webpack's asset/inline): its contents as a base64 data URL. */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
