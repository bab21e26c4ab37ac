import { z } from 'zod';
import { text } from '../kit/form.ts';

/** The forms of 參's contact change; the email and mobile rules stay in the service. */
export const contactsForm = z.object({ email: text(300), mobile: text(40) });
export const codesForm = z.object({ email_code: text(20), sms_code: text(20), action: text(20) });
