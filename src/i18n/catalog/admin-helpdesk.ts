/** Texts of the console's helpdesk area (issue 10). */
import type { Texts } from './texts.ts';

export const adminHelpdeskMessages = {
} satisfies Texts;
