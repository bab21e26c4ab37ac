// Node runs .tsx only through the hook in web/jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../../web/jsx/tsx-hook.ts';
export const { appsListPage, appNewPage, appSecretPage, appPage } = await import('./views.tsx');
