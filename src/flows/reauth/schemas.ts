import { z } from 'zod';
import { text } from '../kit/form.ts';

/** 「確認」: the password, the two-factor code when the account has one, and where to go back. */
export const confirmForm = z.object({ password: text(128), code: text(40), next: text(500) });
