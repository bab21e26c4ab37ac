// Composed in app/compose.ts now; this path stays until main.ts, oidc/ and test/support import from there.
export { createLogger, createServices, type Services } from './app/compose.ts';
