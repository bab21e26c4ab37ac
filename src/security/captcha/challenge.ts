import { randomInt } from 'node:crypto';
import type { CaptchaRepo } from '../../storage/ports.ts';
import { constantTimeEqual, randomToken } from '../tokens.ts';

export const CAPTCHA_TTL_SECONDS = 300;

export interface CaptchaService {
  issue(): Promise<string>;
  /** The digits of a live challenge, for drawing or speaking it; does not consume it. */
  peek(id: string): Promise<string | undefined>;
  /** Consumes the challenge whatever the answer: each challenge gets exactly one try. */
  check(id: string, answer: string): Promise<boolean>;
}

export function captchaService(repo: CaptchaRepo, testAnswer?: string): CaptchaService {
  return {
    async issue() {
      const id = randomToken(18);
      await repo.put(id, String(randomInt(0, 1000)).padStart(3, '0'), CAPTCHA_TTL_SECONDS);
      return id;
    },
    peek: (id) => repo.peek(id),
    async check(id, answer) {
      if (!id || id.length > 64) return false;
      const expected = await repo.take(id);
      if (expected === undefined) return false;
      const given = answer.trim().normalize('NFKC');
      return constantTimeEqual(given, expected) || (testAnswer !== undefined && given === testAnswer);
    },
  };
}
