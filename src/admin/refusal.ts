/**
 * A change an administrator asked for that cannot be made as asked: the input (invalid), the thing
 * (not-found) or its state (conflict). The console shows the message; the API answers 400, 404 or 409.
 */
export class AdminRefusal extends Error {
  readonly kind: 'invalid' | 'not-found' | 'conflict';
  readonly key: string;
  readonly params?: Record<string, string | number>;
  /** The form field the refusal is about, when there is one. */
  readonly field?: string;
  constructor(kind: AdminRefusal['kind'], key: string, opts: { params?: Record<string, string | number>; field?: string } = {}) {
    super(`${kind}: ${key}`);
    this.kind = kind;
    this.key = key;
    this.params = opts.params;
    this.field = opts.field;
  }

  /** The HTTP status of the refusal, for the API and the console pages alike. */
  get status(): 400 | 404 | 409 {
    return REFUSAL_STATUS[this.kind];
  }
}

const REFUSAL_STATUS = { invalid: 400, 'not-found': 404, conflict: 409 } as const;
