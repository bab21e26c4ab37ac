import { z } from 'zod';
import { text } from '../kit/form.ts';

/** 修改密碼; the password rules stay in the service (checkNewPassword). */
export const changePasswordForm = z.object({ current: text(), password: text(), password2: text(), sign_out_others: text(10) });
export type ChangePasswordInput = z.output<typeof changePasswordForm>;
