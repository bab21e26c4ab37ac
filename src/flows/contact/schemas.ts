import { z } from 'zod';
import { text } from '../kit/form.ts';
import { categories } from './flow.ts';

/** 壹拾壹: every field is text; the service judges them (each error beside its field). */
export const contactForm = z.object({
  category: z.enum(categories).catch('other'),
  who: text(60),
  name: text(60),
  contact: text(254),
  description: text(2000),
  from: text(20),
  captcha_id: text(),
  captcha: text(10),
  action: text(20),
});
export type ContactInput = z.output<typeof contactForm>;
