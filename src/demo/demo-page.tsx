import { layout } from '../web/views/layout.tsx';
import type { PageContext } from '../web/views/page-context.ts';
import { safeUrl } from '../domain/safe-url.ts';

interface DemoView {
  claims?: Record<string, unknown>;
  userinfo?: unknown;
  eduinfo?: unknown;
  logoutUrl?: string;
  error?: string;
}

function Json({ value }: { value: unknown }) {
  return (
    <pre class="json" safe>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function demoPage(p: PageContext, v: DemoView) {
  const body = v.claims ? (
    <>
      <h1 safe>{p.t('demo.welcome', { name: String(v.claims.name ?? v.claims.sub) })}</h1>
      <h2 safe>{p.t('demo.idToken')}</h2>
      <div id="id-token-claims">
        <Json value={v.claims} />
      </div>
      <h2 safe>{p.t('demo.userinfo')}</h2>
      <div id="userinfo">
        <Json value={v.userinfo} />
      </div>
      <h2 safe>{p.t('demo.eduinfo')}</h2>
      <div id="eduinfo">
        <Json value={v.eduinfo} />
      </div>
      <p>
        <a class="button" href={safeUrl(v.logoutUrl, '/demo')} safe>
          {p.t('menu.logout')}
        </a>
      </p>
    </>
  ) : (
    <>
      <h1 safe>{p.t('demo.title')}</h1>
      {v.error ? (
        <p class="error" role="alert" safe>
          {p.t('demo.failed', { reason: v.error })}
        </p>
      ) : (
        ''
      )}
      <p safe>{p.t('demo.lead')}</p>
      <p>
        <a class="button primary" href="/demo/login" safe>
          {p.t('menu.login')}
        </a>
      </p>
    </>
  );
  return layout({ ...p, signedIn: undefined }, p.t('demo.title'), <section class="card demo">{body}</section>);
}
