// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { ContactView } from './contact.tsx';
export const { contactPage, contactSentPage } = await import('./contact.tsx');
