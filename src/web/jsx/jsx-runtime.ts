/**
 * The JSX runtime of our views (tsconfig `jsxImportSource: "#jsx"`, package.json `imports`): @kitajs/html's,
 * with complete attribute escaping. Kita escapes only `"` in attribute values, which keeps a value from
 * leaving its attribute but lets the browser decode `&amp;`-like text in data; here `&` is escaped too.
 * Its raw `attrs` escape hatch is refused, so no attribute reaches the page unescaped.
 */
import { Fragment, jsx as kitaJsx, jsxs as kitaJsxs } from '@kitajs/html/jsx-runtime';

type Attributes = Record<string, unknown>;

function escapeAttributes(name: string | Function, attributes: Attributes): Attributes {
  if (typeof name === 'function') return attributes;
  if ('attrs' in attributes) throw new TypeError(`<${name} attrs> would write attributes unescaped`);
  let copy: Attributes | undefined;
  for (const key in attributes) {
    const value = attributes[key];
    if (key !== 'children' && typeof value === 'string' && value.includes('&')) (copy ??= { ...attributes })[key] = value.replaceAll('&', '&amp;');
  }
  return copy ?? attributes;
}

export const jsx: typeof kitaJsx = (name, attributes) => kitaJsx(name, escapeAttributes(name, attributes));
export const jsxs: typeof kitaJsxs = (name, attributes) => kitaJsxs(name, escapeAttributes(name, attributes) as typeof attributes);
export { Fragment };
