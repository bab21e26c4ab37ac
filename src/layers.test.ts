import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// No import runs up the layers: the inner folders never reach for the ones that use them.
const src = fileURLToPath(new URL('.', import.meta.url));
const forbidden: Record<string, string[]> = {
  domain: ['web', 'flows', 'app', 'admin', 'cli', 'storage', 'oidc', 'methods', 'notify'],
  storage: ['web', 'flows', 'app', 'admin', 'cli', 'oidc', 'methods'],
  oidc: ['web', 'flows', 'app', 'admin', 'cli'],
  methods: ['web', 'flows', 'app', 'admin', 'cli'],
  security: ['web', 'flows', 'app', 'admin', 'cli'],
  notify: ['web', 'flows', 'app', 'admin', 'cli'],
  directory: ['web', 'flows', 'app', 'admin', 'cli'],
  'source-data': ['web', 'flows', 'app', 'admin', 'cli'],
  i18n: ['web', 'flows', 'app', 'admin', 'cli', 'storage'],
  admin: ['web', 'cli', 'console'],
  console: ['cli'],
  flows: ['cli', 'admin', 'console'],
};

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield path;
  }
}

test('no module imports a layer above its own', () => {
  const violations: string[] = [];
  for (const [layer, above] of Object.entries(forbidden)) {
    for (const file of sources(join(src, layer))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
        const target = relative(src, resolve(file, '..', spec!)).split('/')[0]!;
        if (above.includes(target)) violations.push(`${relative(src, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});
