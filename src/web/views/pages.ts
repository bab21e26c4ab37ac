// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { AppLink } from './pages.tsx';
export const { homePage, profilePage, appsPage, consentPage } = await import('./pages.tsx');
export const { errorPage, messagePage } = await import('./message-page.tsx');
