/** SPEC 參 查閱個人資料 → 「修改備用電子郵件信箱/行動電話」: the change as pure states (the state table is in README.md). */
import type { Channel } from '../../storage/ports.ts';

export const steps = ['codes', 'done'] as const;
export type Step = (typeof steps)[number];

export interface Contacts {
  email: string | null;
  mobile: string | null;
}

export interface ContactsState {
  /** The account the change belongs to: another account signed in on this browser cannot finish it. */
  accountId: string;
  step: Step;
  /** The values asked for; a null mobile clears it. */
  wanted: { email: string; mobile: string | null };
  /** The new values still to be proven by a code. */
  pending: Channel[];
}

/** Which new values need a code: a changed email, and a changed mobile that is not being cleared. */
export function channelsToProve(current: Contacts, wanted: ContactsState['wanted']): Channel[] {
  const channels: Channel[] = [];
  if (wanted.email !== current.email) channels.push('email');
  if (wanted.mobile !== null && wanted.mobile !== current.mobile) channels.push('sms');
  return channels;
}

export const unchanged = (current: Contacts, wanted: ContactsState['wanted']) => wanted.email === current.email && wanted.mobile === current.mobile;

/** 「儲存變更」: codes go to every new value (none when only the mobile is cleared). */
export const requested = (accountId: string, current: Contacts, wanted: ContactsState['wanted']): ContactsState => ({
  accountId,
  step: 'codes',
  wanted,
  pending: channelsToProve(current, wanted),
});

/** Codes proven on these channels; the others stay pending. */
export const proven = (s: ContactsState, channels: Channel[]): ContactsState => ({ ...s, pending: s.pending.filter((c) => !channels.includes(c)) });

/** Saved only once nothing is pending. */
export const readyToSave = (s: ContactsState) => s.step === 'codes' && s.pending.length === 0;

export const completed = (s: ContactsState): ContactsState => ({ ...s, step: 'done', pending: [] });

/** The target a channel's code went to. */
export const targetOf = (s: ContactsState, channel: Channel) => (channel === 'email' ? s.wanted.email : s.wanted.mobile!);

/** What the audit log and the notice show of an address: enough to recognise it, not the whole of it. */
export function maskEmail(email: string | null): string {
  if (!email) return '';
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${email.slice(at)}`;
}

export const maskMobile = (mobile: string | null) => (mobile ? `${mobile.slice(0, 4)}***${mobile.slice(-3)}` : '');

export const basePath = '/account/contacts';
export const stepPath = (step: Step | 'form') => (step === 'form' ? basePath : `${basePath}/${step}`);
