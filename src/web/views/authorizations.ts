// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { AuthorizationsView } from './authorizations.tsx';
export const { authorizationsPage, revokeConfirmPage } = await import('./authorizations.tsx');
