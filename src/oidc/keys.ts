import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { SealedBox } from '../security/sealed-box.ts';
import type { SigningKeyRepo } from '../storage/ports.ts';

// A retired key stays published this long: longer than any ID token lives, and long enough
// for RPs that send an old ID token as id_token_hint at logout.
export const RETIRED_KEY_GRACE_MS = 7 * 24 * 3600 * 1000;

function newRsaKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Adds a new signing key; the previous one keeps verifying until the grace period ends. */
export async function rotateSigningKey(repo: SigningKeyRepo, box: SealedBox): Promise<string> {
  const jwk = newRsaKey();
  await repo.rotate({ kid: jwk.kid!, alg: 'RS256', sealedJwk: box.seal(JSON.stringify(jwk)) });
  return jwk.kid!;
}

/** The private JWKs for the provider, the signing key first; makes the first key on first start. */
export async function loadSigningKeys(repo: SigningKeyRepo, box: SealedBox): Promise<JWK[]> {
  let rows = await repo.published(new Date(Date.now() - RETIRED_KEY_GRACE_MS));
  if (!rows.some((r) => r.retiredAt === null)) {
    await rotateSigningKey(repo, box);
    rows = await repo.published(new Date(Date.now() - RETIRED_KEY_GRACE_MS));
  }
  return rows.map((r) => {
    try {
      return JSON.parse(box.open(r.sealedJwk)) as JWK;
    } catch {
      throw new Error(`signing key ${r.kid} cannot be decrypted: KEY_ENCRYPTION_SECRET is not the one the keys were stored with`);
    }
  });
}
