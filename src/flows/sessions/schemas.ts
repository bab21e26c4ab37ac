import { z } from 'zod';
import { text } from '../kit/form.ts';

/** One session's 「登出」: the reference the page showed. */
export const endSessionForm = z.object({ session: text(64) });
