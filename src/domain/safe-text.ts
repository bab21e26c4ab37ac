/**
 * C0 and C1 controls, and the bidirectional marks and overrides (U+200E/F, U+202A–202E, U+2066–2069)
 * that make a name render reversed or spoof its neighbours on the consent page.
 */
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const hasUnsafeCharacters = (s: string) => unsafeCharacters.test(s);
