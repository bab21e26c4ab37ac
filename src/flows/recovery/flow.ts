/** SPEC 陸.1 忘記密碼 by code and 柒 啟用帳號: one code flow, two purposes (the state table is in README.md). */
export const purposes = ['reset', 'activation'] as const;
export type Purpose = (typeof purposes)[number];

export const steps = ['account', 'code', 'reset', 'done', 'helpdesk'] as const;
export type Step = (typeof steps)[number];
export const isStep = (s: string): s is Step => (steps as readonly string[]).includes(s);

export interface RecoveryState {
  purpose: Purpose;
  step: Step;
  /** The account name as typed (normalised); known or not, the flow looks the same until the code is proven. */
  name?: string;
  /** Set only when the name is an account this purpose may recover; never shown before the code is proven. */
  accountId?: string;
}

export const initialState = (purpose: Purpose): RecoveryState => ({ purpose, step: 'account' });

/** A code was sent (or pretended to be): the next page asks for it. */
export const codeSent = (s: RecoveryState, name: string, accountId: string | undefined): RecoveryState => ({ ...s, step: 'code', name, accountId });

/** The code was proven: a new password, or — for an account an administrator disabled — the helpdesk. */
export const codeProven = (s: RecoveryState, adminDisabled: boolean): RecoveryState => ({ ...s, step: adminDisabled ? 'helpdesk' : 'reset' });

export const completed = (s: RecoveryState): RecoveryState => ({ ...s, step: 'done', accountId: undefined });

/** Which step a GET may show: only the one the flow is at (earlier ones start again with 「取消」). */
export function redirectForShow(s: RecoveryState, step: Step): Step | undefined {
  if (step === 'account' && s.step === 'code') return undefined;
  return step === s.step ? undefined : s.step;
}

/** A POST to a step the flow is not at goes where it is. */
export const redirectForSubmit = (s: RecoveryState, step: Step): Step | undefined => (s.step === step || (step === 'account' && s.step === 'code') ? undefined : s.step);

/** Which accounts each purpose may recover: a reset is for active accounts, activation for disabled ones. */
export function eligible(purpose: Purpose, status: 'active' | 'disabled'): boolean {
  return purpose === 'reset' ? status === 'active' : status === 'disabled';
}

/** Where each purpose's pages live. */
export const basePath = (purpose: Purpose) => (purpose === 'reset' ? '/forgot-password/code' : '/activate');
export const stepPath = (purpose: Purpose, step: Step) => (step === 'account' ? basePath(purpose) : `${basePath(purpose)}/${step}`);
