import { z } from 'zod';
import { text } from '../kit/form.ts';

/** 伍.2: the number, the captcha, 「帳號取得」 (or 「換下一個」). */
export const lookupForm = z.object({ id_number: text(30), captcha_id: text(), captcha: text(10), action: text(20) });
