import { readFileSync } from 'node:fs';
import Router from '@koa/router';
import type { AppState } from '../context.ts';

const files: Record<string, string> = { 'site.css': 'text/css; charset=utf-8', 'site.js': 'text/javascript; charset=utf-8', 'passkeys.js': 'text/javascript; charset=utf-8' };
const cache = new Map(Object.keys(files).map((name) => [name, readFileSync(new URL(`../assets/${name}`, import.meta.url))]));

export function assetRoutes() {
  const router = new Router<AppState>();
  router.get('/assets/:name', (ctx) => {
    const body = cache.get(ctx.params.name!);
    if (!body) return;
    ctx.type = files[ctx.params.name!]!;
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = body;
  });
  return router;
}
