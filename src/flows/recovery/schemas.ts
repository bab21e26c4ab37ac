import { z } from 'zod';
import { text } from '../kit/form.ts';

/** The forms of 陸.1 and 柒; account-name and password rules stay in the service. */
export const accountForm = z.object({ account: text(100), captcha_id: text(), captcha: text(20), action: text(20) });
export const codeForm = z.object({ code: text(20), action: text(20) });
export const resetForm = z.object({ password: text(), password2: text() });
