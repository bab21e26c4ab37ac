// Node runs .tsx only through the hook in ../jsx/tsx-hook.ts: this module registers it, then loads the view.
import '../jsx/tsx-hook.ts';
export type { PasskeySectionView } from './passkeys.tsx';
export const { passkeysPage, removePasskeyPage, PasskeySection, passkeySection, PasskeySecondFactor, PASSKEYS_PAGE, PASSKEYS_BASE, passkeysDone } = await import('./passkeys.tsx');
