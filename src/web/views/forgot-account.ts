// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { LookupView } from './forgot-account.tsx';
export const { forgotAccountChoicePage, forgotAccountIdPage, forgotAccountResultPage } = await import('./forgot-account.tsx');
