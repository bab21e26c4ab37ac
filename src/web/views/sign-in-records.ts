// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { RecordRow, RecordsView } from './sign-in-records.tsx';
export const { signInRecordsPage } = await import('./sign-in-records.tsx');
