// Types for scripts/manifest-url.js (CommonJS, used by webpack.config.js and the tests).
export declare const DEV_BASE_URL: "https://localhost:3000/";
export declare function checkBaseUrl(base: string): string;
export declare function buildManifest(xml: string, base?: string): string;
