import { z } from 'zod';
import { text } from '../kit/form.ts';

/** The login form, on the SSO site and inside an application's sign-in. */
export const loginForm = z.object({
  account: text(100),
  password: text(128),
  captcha_id: text(200),
  captcha: text(20),
  action: text(20),
});
export type LoginForm = z.output<typeof loginForm>;

/** The consent page: anything but 「同意」 is a refusal. */
export const consentForm = z.object({ decision: text(10) });
