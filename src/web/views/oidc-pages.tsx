import type { KoaContextWithOIDC } from 'oidc-provider';
import { pickLang, translator } from '../../i18n/translate.ts';
import { allowInlineScript, securityHeaders } from '../security-headers.ts';
import { errorPage } from './message-page.tsx';
import { layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

// Pages oidc-provider renders itself (errors and logout) in our look and language.
function pageContext(ctx: KoaContextWithOIDC): PageContext {
  const lang = pickLang(undefined, ctx.cookies.get('lang'));
  return { t: translator(lang), lang, path: ctx.path, search: ctx.querystring, csrf: '' };
}

const knownErrors = new Set(['invalid_client', 'invalid_redirect_uri']);

export async function renderOidcError(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) {
  const p = pageContext(ctx);
  const key = knownErrors.has(out.error) ? `error.oidc.${out.error}` : 'error.oidc.generic';
  securityHeaders(ctx);
  ctx.type = 'html';
  ctx.body = errorPage(p, `${p.t(key)}（${out.error}${out.error_description ? `: ${out.error_description}` : ''}）`).value;
}

export async function renderLogoutConfirm(ctx: KoaContextWithOIDC, form: string) {
  const p = pageContext(ctx);
  securityHeaders(ctx);
  ctx.type = 'html';
  // oidc-provider's own hidden form (with its xsrf token), trusted HTML; our buttons submit it.
  const safeProviderForm = form;
  ctx.body = layout(
    p,
    p.t('logout.title'),
    <section class="card">
      <h1 safe>{p.t('logout.title')}</h1>
      <p safe>{p.t('logout.question')}</p>
      {safeProviderForm}
      <div class="actions">
        <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" class="primary" safe>
          {p.t('logout.yes')}
        </button>
        <button type="submit" form="op.logoutForm" safe>
          {p.t('logout.no')}
        </button>
      </div>
    </section>,
  ).value;
}

/** Signing out without a question: the same form, submitted at once (a button without script). */
export async function renderLogoutAutoSubmit(ctx: KoaContextWithOIDC, form: string) {
  const p = pageContext(ctx);
  securityHeaders(ctx);
  ctx.type = 'html';
  const submit = allowInlineScript(ctx, `document.getElementById('op.logoutForm').submit();`);
  // oidc-provider's own hidden form (with its xsrf token), trusted HTML, confirmed in advance.
  const safeConfirmedForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  // A fixed script whose hash the CSP allows.
  const safeSubmitScript = submit;
  ctx.body = layout(
    p,
    p.t('logout.title'),
    <>
      <section class="card">
        <h1 safe>{p.t('logout.title')}</h1>
        {safeConfirmedForm}
        <noscript>
          <button type="submit" form="op.logoutForm" class="primary" safe>
            {p.t('logout.yes')}
          </button>
        </noscript>
      </section>
      <script>{safeSubmitScript}</script>
    </>,
  ).value;
}

export async function renderLogoutDone(ctx: KoaContextWithOIDC) {
  const p = pageContext(ctx);
  securityHeaders(ctx);
  ctx.type = 'html';
  ctx.body = layout(
    p,
    p.t('logout.title'),
    <section class="card">
      <h1 safe>{p.t('logout.title')}</h1>
      <p safe>{p.t('logout.done')}</p>
      <p>
        <a class="button" href="/login" safe>
          {p.t('menu.login')}
        </a>
      </p>
    </section>,
  ).value;
}
