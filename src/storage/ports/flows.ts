/** Self-service flows as stored objects: keyed by the hash of the browser's token, saved by version. */
export interface FlowRow<S> {
  id: string;
  state: S;
  version: number;
}

export interface FlowRepo {
  create(id: string, kind: string, state: unknown, ttlSeconds: number): Promise<void>;
  /** A live flow of this kind, or nothing when it expired or never existed. */
  load<S>(id: string, kind: string): Promise<FlowRow<S> | undefined>;
  /** Saves if nobody saved since `version`; returns whether it did. */
  save(id: string, version: number, state: unknown): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export type Channel = 'email' | 'sms';

export interface NewVerificationCode {
  id: string;
  flowId: string;
  purpose: string;
  channel: Channel;
  target: string;
  codeHash: string;
  ttlSeconds: number;
}

export interface VerificationCodeRepo {
  /** Stores a code, replacing any earlier one for the same flow and channel. */
  replace(c: NewVerificationCode): Promise<void>;
  /** Seconds since the live code of this flow and channel was issued (undefined when none). */
  secondsSinceIssued(flowId: string, channel: Channel): Promise<number | undefined>;
  /** Counts one attempt on the unconsumed code first, then returns it. */
  countAttempt(flowId: string, channel: Channel, target: string): Promise<{ id: string; codeHash: string; attempts: number; live: boolean } | undefined>;
  /** Marks the code used; false if another request used it first. */
  consume(id: string): Promise<boolean>;
}
