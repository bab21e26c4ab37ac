/**
 * Lets Node run the views' .tsx files with no build step: Node strips types from .ts files but does not
 * read JSX. Importing this module registers a synchronous load hook (module.registerHooks, Node 24)
 * that turns a .tsx file into JavaScript with the installed `typescript` (transpileModule, JSX for
 * @kitajs/html through ./jsx-runtime.ts). The output is cached on disk by a hash of the source, so a warm start never loads
 * `typescript` (about 0.3 s and 55 MB); a cold one pays that once. JSX goes to our runtime (./jsx-runtime.ts).
 * Every views/*.ts facade imports this first and then imports its .tsx with `await import()`, so
 * no command line needs a flag (`npm start`, bin/edusso.js, `node --test` stay as they are).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

type TypeScript = typeof import('typescript');
const require = createRequire(import.meta.url);
const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/edusso-tsx/', import.meta.url));
const tsVersion: string = (require('typescript/package.json') as { version: string }).version;
let ts: TypeScript | undefined;
/** Part of the cache key: a change here transpiles every view again. */
const settings = 'esnext es2022 react-jsx #jsx verbatim inline-map';

export function transpileTsx(path: string, source: string): string {
  const key = createHash('sha256').update(`${tsVersion}\0${settings}\0${path}\0${source}`).digest('hex').slice(0, 32);
  const cached = `${cacheDir}${key}.js`;
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  ts ??= require('typescript') as TypeScript;
  const out = ts.transpileModule(source, {
    fileName: path,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
      jsxImportSource: '#jsx',
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
      inlineSources: false,
    },
  }).outputText;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, out);
    renameSync(partial, cached); // whole or absent: workers starting together never read half a file
  } catch {
    // a read-only install still works, it only transpiles again next start
  }
  return out;
}

const registered = Symbol.for('edusso.tsx-hook');
const g = globalThis as { [registered]?: true };
if (!g[registered]) {
  g[registered] = true;
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
      const path = fileURLToPath(url);
      return { format: 'module', source: transpileTsx(path, readFileSync(path, 'utf8')), shortCircuit: true };
    },
  });
}
