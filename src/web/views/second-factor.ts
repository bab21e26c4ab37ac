// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export const { secondFactorPage, secondFactorExpiredPage } = await import('./second-factor.tsx');
