#!/usr/bin/env node
// Runs the CLI on the project's Node.js 24 (node_modules/.bin/node), whatever node started this file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const local = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
const node = major >= 24 ? process.execPath : existsSync(local) ? local : process.execPath;
const result = spawnSync(node, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
