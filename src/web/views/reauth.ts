// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { ReauthView } from './reauth.tsx';
export const { reauthPage } = await import('./reauth.tsx');
