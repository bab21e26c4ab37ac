// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { QueryView } from './school-transfer.tsx';
export const { queryView, compareView, doneView } = await import('./school-transfer.tsx');
