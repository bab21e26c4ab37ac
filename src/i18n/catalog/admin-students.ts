/** Texts of the console's students area (issue 10). */
import type { Texts } from './texts.ts';

export const adminStudentsMessages = {
} satisfies Texts;
