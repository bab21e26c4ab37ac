import { z } from 'zod';
import { text } from '../kit/form.ts';

export const linkForm = z.object({ account: text(100), password: text(128), captcha_id: text(), captcha: text(), action: text(20) });
export const resetForm = z.object({ password: text(), password2: text() });
export const unlinkForm = z.object({ provider: text(), subject: text() });
