/** Parsed command-line options, and reading them by name. */
export type Flags = Record<string, string | boolean | string[] | undefined>;

/** A string option (the last one when repeated). */
export const str = (f: Flags, name: string) => {
  const v = f[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
};

/** A repeatable string option, as a list. */
export const list = (f: Flags, name: string) => {
  const v = f[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};
