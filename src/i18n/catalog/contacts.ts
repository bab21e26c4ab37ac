/** Texts of one 帳號管理 console page (issue 9); filled in by the page's flow. */
import type { Texts } from './texts.ts';

export const contactsMessages = {} satisfies Texts;
