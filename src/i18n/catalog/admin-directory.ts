/** Texts of the console's directory area (issue 10). */
import type { Texts } from './texts.ts';

export const adminDirectoryMessages = {
} satisfies Texts;
