export declare const SYSTEM_CHROMIUM_PATHS: readonly string[];
export declare const CHROMIUM_ARGS: string[];
export type FoundChromium =
  | { path: string; source: 'env' | 'system' | 'playwright' }
  | { path: undefined; source: 'none'; problem?: string };
export declare function findChromium(env?: Record<string, string | undefined>): FoundChromium;
