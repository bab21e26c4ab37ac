/** A whole page rendered to a string; routes send `.value` as the response body. */
export class Rendered {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** Our components never suspend, so an element is always a string; a Promise here is a bug. */
export function rendered(element: JSX.Element): Rendered {
  if (typeof element !== 'string') throw new TypeError('views render synchronously: an async component slipped in');
  return new Rendered(element);
}
