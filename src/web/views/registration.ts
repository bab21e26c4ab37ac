// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { SchoolLists } from './registration.tsx';
export const { identityStep, schoolStep, verifyStep, confirmStep, privacyStep, accountStep, codesStep, reviewStep, doneStep } = await import(
  './registration.tsx'
);
