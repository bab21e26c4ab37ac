import { lookupHash, sealedBox } from './sealed-box.ts';

/**
 * Identity numbers and birthdays at rest: sealed with AES-256-GCM, looked up by a keyed hash, never
 * logged. The hash key is separate from the encryption key so a leaked index reveals nothing.
 */
export function piiVault(secrets: { PII_ENCRYPTION_KEY: string; PII_HASH_KEY: string }) {
  const box = sealedBox(secrets.PII_ENCRYPTION_KEY);
  const hash = lookupHash(secrets.PII_HASH_KEY);
  return {
    seal: box.seal,
    open: box.open,
    idHash: (idNumber: string) => hash(`id:${idNumber}`),
    birthdayHash: (isoDate: string) => hash(`birthday:${isoDate}`),
  };
}
export type PiiVault = ReturnType<typeof piiVault>;
