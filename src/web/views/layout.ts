// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { PageContext } from './page-context.ts';
export const { layout, errorBox } = await import('./layout.tsx');
