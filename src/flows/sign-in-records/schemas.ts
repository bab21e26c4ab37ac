import { z } from 'zod';

/** `?n=`: the raw value; `countOf` judges it (a repeated `n` counts as a bad one). */
export const recordsQuery = z.object({ n: z.unknown().transform((v) => (Array.isArray(v) ? '' : v)) });
