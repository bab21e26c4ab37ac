/** SPEC 壹拾 雙因子認證綁定: the binding steps (the state table is in README.md). */
export const steps = ['prepare', 'apps', 'setup'] as const;
export type Step = (typeof steps)[number];
export const isStep = (s: string): s is Step => (steps as readonly string[]).includes(s);

/** A binding under way: the new secret lives here, sealed, until a code of it proves the app has it. */
export interface BindingState {
  accountId: string;
  secretSealed: string;
}

export const BASE_PATH = '/account/two-factor';
export const stepPath = (step: Step) => `${BASE_PATH}/${step}`;
export const stepNumber = (step: Step) => steps.indexOf(step) + 1;
/** 「下一步」 of each step; the last one binds instead. */
export const nextStep = (step: Step): Step | undefined => steps[steps.indexOf(step) + 1];

/** What the page says after a change (`?done=` after the redirect). */
export const results = ['bound', 'removed'] as const;
export type Result = (typeof results)[number];
export const resultOf = (v: unknown): Result | undefined => (results as readonly unknown[]).includes(v) ? (v as Result) : undefined;

/** The changes that ask for the password and a current code again. */
export const confirmed = ['enable', 'regenerate', 'remove'] as const;
export type Confirmed = (typeof confirmed)[number];

/** Which of those the account's state allows: enabling once, codes and removal while bound. */
export function allowed(change: Confirmed, s: { bound: boolean; enabled: boolean }): boolean {
  if (!s.bound) return false;
  if (change === 'enable') return !s.enabled;
  if (change === 'regenerate') return s.enabled;
  return true;
}
