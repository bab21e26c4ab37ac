// Node runs .tsx only through the hook in web/jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../../web/jsx/tsx-hook.ts';
export const { adminStudentsPage } = await import('./views.tsx');
