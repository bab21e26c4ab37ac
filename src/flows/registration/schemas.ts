import { z } from 'zod';
import { text } from '../kit/form.ts';

/** The forms of SPEC 壹, one schema per step; domain checks (names, numbers, passwords) stay in the service. */
export const identityForm = z.object({ role: z.literal('teacher', { message: 'register.chooseRole' }) });
export const schoolForm = z.object({ county: text(20), district: text(20), level: text(20), school: text(20), action: text(20) });
export const verifyForm = z.object({
  name: text(),
  id_number: text(),
  birthday: text(),
  captcha_id: text(),
  captcha: text(),
  action: text(20),
});
export const privacyForm = z.object({ decision: text(20) });
export const accountForm = z.object({ username: text(), password: text(), password2: text(), email: text(), mobile: text() });
export const codesForm = z.object({ email_code: text(20), sms_code: text(20), action: text(20) });
export const noFields = z.object({});

export const availabilityQuery = z.object({ name: text(40) });
