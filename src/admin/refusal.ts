/** A refusal of an administrative service that is not about reach: nothing there (404) or not now (409); `key` is a message key. */
export class AdminRefusal extends Error {
  readonly status: 404 | 409;
  readonly key: string;
  constructor(status: 404 | 409, key: string) {
    super(key);
    this.status = status;
    this.key = key;
  }
}
