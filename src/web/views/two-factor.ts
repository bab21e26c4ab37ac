// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export const { twoFactorPage, Qr, CodeField } = await import('./two-factor.tsx');
export type { TwoFactorPage } from './two-factor.tsx';
