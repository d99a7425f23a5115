export const ROOT: string;
export const BUILD_DIR: string;
export const BUILD_RECORD: string;
export const BUILD_ENTRIES: Record<string, string>;
export function watchedInputs(): string[];
export function staleReason(): string | null;
export function ensureServerBuild(options?: { quiet?: boolean }): boolean;
