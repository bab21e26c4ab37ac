import { z } from 'zod';
import { text } from '../kit/form.ts';

/** The forms of 壹拾; the code and password rules stay in the service. */
export const bindForm = z.object({ code: text(20) });
export const confirmForm = z.object({ password: text(), code: text(20) });
