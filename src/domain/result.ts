/** What every domain rule returns: the normalised value, or a stable message key (with its parameters). */
export type Check<T> = { ok: true; value: T } | { ok: false; error: string; params?: Record<string, string | number> };

export const pass = <T>(value: T): Check<T> => ({ ok: true, value });
export const fail = <T = never>(error: string, params?: Record<string, string | number>): Check<T> => ({ ok: false, error, params });
