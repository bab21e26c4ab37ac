import { z } from 'zod';

/** A form field: text, '' when absent, cut to max characters. */
const field = (max: number) => z.string().default('').transform((s) => s.slice(0, max));

/** The login form, on the SSO site and inside an application's sign-in. */
export const loginForm = z.object({
  account: field(100),
  password: field(128),
  captcha_id: field(200),
  captcha: field(20),
  action: field(20),
});
export type LoginForm = z.output<typeof loginForm>;
