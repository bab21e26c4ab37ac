import { z } from 'zod';

/** `?n=`: the raw text (a repeated `n` becomes '', a bad one); `countOf` judges it. */
export const recordsQuery = z.object({ n: z.string().optional().catch('') });
