// Types for scripts/deploy-files.js (CommonJS, used by webpack.config.js and the tests).
export declare const OFFICE_JS_LOCAL: string;
export declare const OFFICE_JS_GLOBAL: string;
export declare const OFFICE_JS_21VIANET: string;
export declare function officeJsUrl(setting: string | undefined): string;
export declare function checkShare(share: string): string;
export declare const CATALOG_ID: string;
export declare function catalogCmd(): string;
export declare function catalogReg(share: string): string;
export declare function regFileBytes(text: string): Buffer;
