/** Texts of the console's apps area (issue 10). */
import type { Texts } from './texts.ts';

export const adminAppsMessages = {
} satisfies Texts;
