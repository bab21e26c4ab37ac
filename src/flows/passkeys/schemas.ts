import { z } from 'zod';
import { text } from '../kit/form.ts';

/** 「移除」 (the session proved its credentials recently: /account/confirm). */
export const removeForm = z.object({});

/** 「重新命名」. */
export const renameForm = z.object({ name: text(200) });

/** The JSON the browser posts: the CSRF token (forms carry it as _csrf too), the ceremony's answer, a name. */
export const ceremonyBody = z.object({
  _csrf: z.string().max(200).default(''),
  name: z.string().max(200).default(''),
  response: z.unknown().optional(),
});
export type CeremonyBody = z.output<typeof ceremonyBody>;
