import { z } from 'zod';
import { text } from '../kit/form.ts';

/** 首次登入設定新密碼: the initial password and the new one twice; the rules stay in the service. */
export const firstPasswordForm = z.object({ current: text(), password: text(), password2: text(), next: text(500) });
export type FirstPasswordInput = z.output<typeof firstPasswordForm>;
