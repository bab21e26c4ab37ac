/** @deprecated moved to src/i18n/translate.ts; this re-export only keeps other branches compiling until they merge. */
export * from '../../i18n/translate.ts';
