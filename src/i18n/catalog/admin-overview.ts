/** Texts of the console's overview area (issue 10). */
import type { Texts } from './texts.ts';

export const adminOverviewMessages = {
} satisfies Texts;
