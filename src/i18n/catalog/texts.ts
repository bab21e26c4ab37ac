/** One message in both languages: zh-TW first (the manual's words verbatim), English second. `{name}` is a parameter. */
export type Text = { 'zh-TW': string; en: string };
export type Texts = Record<string, Text>;
