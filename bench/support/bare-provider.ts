// A bare oidc-provider for comparison: its default in-memory adapter, one client_credentials client,
// nothing else. Run as its own process: node bench/support/bare-provider.ts PORT
// Prints one line of JSON ({ issuer, client_id, client_secret }) once it listens.
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const issuer = `http://localhost:${port}`;
const client = { client_id: 'bench-service', client_secret: 'bench-service-secret-0123456789abcdef' };
// oidc-provider warns about its development keys and cookie secrets; this process is compared, not used.
console.warn = () => undefined;
const provider = new Provider(issuer, {
  clients: [{ ...client, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'openid eduinfo' }],
  scopes: ['openid', 'eduinfo'],
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
  ttl: { ClientCredentials: 3600 },
});
provider.listen(port, '127.0.0.1', () => process.stdout.write(JSON.stringify({ issuer, ...client }) + '\n'));
process.once('SIGTERM', () => process.exit(0));
