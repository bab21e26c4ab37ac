import { z } from 'zod';
import { text } from '../kit/form.ts';

/** The second-factor form: a code of the app (mode `code`) or a recovery code (mode `recovery`). */
export const secondFactorForm = z.object({ code: text(30), mode: text(20) });
