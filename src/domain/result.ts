/** What every domain rule returns: the normalised value, or a stable message key (with its parameters). */
export type Params = Record<string, string | number>;
export type Check<T> = { ok: true; value: T } | { ok: false; error: string; params?: Params };

export const pass = <T>(value: T): Check<T> => ({ ok: true, value });
export const fail = <T = never>(error: string, params?: Params): Check<T> =>
  params ? { ok: false, error, params } : { ok: false, error };
