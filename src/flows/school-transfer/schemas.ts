import { z } from 'zod';
import { text } from '../kit/form.ts';

/** 肆: every field is text; the service judges them (each error beside its field). */
export const queryForm = z.object({ county: text(20), district: text(20), level: text(20), school: text(20), id_number: text(30), action: text(20) });
export const updateForm = z.object({ school: text(20) });
