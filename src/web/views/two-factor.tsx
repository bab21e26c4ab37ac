import { taipeiDate } from '../../domain/taipei-time.ts';
import type { AuthenticatorApp } from '../../flows/two-factor/apps.ts';
import { systems } from '../../flows/two-factor/apps.ts';
import { BASE_PATH, nextStep, stepNumber, stepPath, type Confirmed, type Result, type Step } from '../../flows/two-factor/flow.ts';
import type { TwoFactorStatus } from '../../flows/two-factor/service.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { groupedSecret, type QrDrawing } from '../../methods/totp.ts';
import { consoleLayout } from './console.tsx';
import type { FieldError } from './fields.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export type TwoFactorPage =
  | { kind: 'status'; status: TwoFactorStatus; result?: Result; errors?: FieldErrors; form?: Confirmed }
  | { kind: 'step'; step: Step; apps?: (AuthenticatorApp & { qr: QrDrawing })[]; setup?: { username: string; secret: string; qr: QrDrawing }; errors?: FieldErrors }
  | { kind: 'codes'; change: 'enable' | 'regenerate'; codes: string[] }
  | { kind: 'expired' };

/** A QR code drawn as inline SVG; its name is the alt text. */
export function Qr({ qr, label, size = 180 }: { qr: QrDrawing; label: string; size?: number }) {
  return (
    <svg class="qr" width={String(size)} height={String(size)} viewBox={qr.viewBox} role="img" aria-label={label} shape-rendering="crispEdges">
      {qr.paths.map((path) => (
        <path fill={path.fill} stroke={path.stroke} d={path.d} />
      ))}
    </svg>
  );
}

/** A field of a form that shares the page with others: ids carry the form's name. */
function Field({ p, form, name, label, error, hint, type = 'text', autocomplete, inputmode, maxlength = 100 }: {
  p: PageContext; form: string; name: string; label: string; error?: FieldError; hint?: string; type?: string; autocomplete: string; inputmode?: string; maxlength?: number;
}) {
  const id = `${form}-${name}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id} safe>
        {label}
      </label>
      <input id={id} name={name} type={type} autocomplete={autocomplete} inputmode={inputmode} maxlength={String(maxlength)} aria-describedby={described} aria-invalid={error ? 'true' : undefined} required />
      {hint ? (
        <small id={`${id}-hint`} safe>
          {hint}
        </small>
      ) : (
        ''
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`} safe>
          {p.t(error.key, error.params)}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export const CodeField = ({ p, form, error }: { p: PageContext; form: string; error?: FieldError }) => (
  <Field p={p} form={form} name="code" label={p.t('twoFactor.code')} hint={p.t('twoFactor.codeHint')} error={error} autocomplete="one-time-code" inputmode="numeric" maxlength={6} />
);

const changeLabel = { enable: 'twoFactor.enable', regenerate: 'twoFactor.regenerate', remove: 'twoFactor.remove' } as const;
const changeLead = { enable: 'twoFactor.enableLead', regenerate: 'twoFactor.regenerateLead', remove: 'twoFactor.removeLead' } as const;

/** 「啟用雙因子驗證」, 「重新產生備用代碼」, 「解除雙因子綁定」: password and a current code. */
function ConfirmForm({ p, change, errors }: { p: PageContext; change: Confirmed; errors?: FieldErrors }) {
  const e = errors ?? {};
  return (
    <section class="card" aria-labelledby={`${change}-title`}>
      <h2 id={`${change}-title`} safe>
        {p.t(changeLabel[change])}
      </h2>
      <p safe>{p.t(changeLead[change])}</p>
      <form method="post" action={`${BASE_PATH}/${change}`} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <p safe>{p.t('twoFactor.confirmWith')}</p>
        <Field p={p} form={change} name="password" type="password" label={p.t('twoFactor.password')} error={e.password} autocomplete="current-password" maxlength={128} />
        <CodeField p={p} form={change} error={e.code} />
        <div class="actions">
          <button type="submit" class={change === 'remove' ? '' : 'primary'} safe>
            {p.t(changeLabel[change])}
          </button>
        </div>
      </form>
    </section>
  );
}

function StatusBody({ p, v, extra }: { p: PageContext; v: Extract<TwoFactorPage, { kind: 'status' }>; extra: JSX.Element | string }) {
  const s = v.status;
  const message = v.result === 'bound' ? p.t('twoFactor.bound') : v.result === 'removed' ? p.t('twoFactor.removed') : undefined;
  const date = s.boundAt ? taipeiDate(s.boundAt) : '';
  return (
    <>
      <h1 id="two-factor-title" safe>
        {p.t('twoFactor.title')}
      </h1>
      {message ? (
        <p class="notice" role="status" safe>
          {message}
        </p>
      ) : (
        ''
      )}
      {!s.bound ? (
        <section class="card" aria-labelledby="start-title">
          <h2 id="start-title" safe>
            {p.t('twoFactor.start')}
          </h2>
          <p safe>{p.t('twoFactor.intro')}</p>
          <p safe>{p.t('twoFactor.startLead')}</p>
          <form method="post" action={`${BASE_PATH}/start`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <button type="submit" class="primary" safe>
              {p.t('twoFactor.start')}
            </button>
          </form>
        </section>
      ) : (
        <>
          <section class="card" aria-labelledby="status-title">
            <h2 id="status-title" safe>
              {p.t('twoFactor.status')}
            </h2>
            <p safe>{s.enabled ? p.t('twoFactor.status.on') : p.t('twoFactor.status.off', { date })}</p>
            {s.enabled ? <p safe>{p.t('twoFactor.recoveryLeft', { count: s.codesLeft })}</p> : ''}
          </section>
          {s.enabled ? '' : <ConfirmForm p={p} change="enable" errors={v.form === 'enable' ? v.errors : undefined} />}
          {s.enabled ? <ConfirmForm p={p} change="regenerate" errors={v.form === 'regenerate' ? v.errors : undefined} /> : ''}
          <ConfirmForm p={p} change="remove" errors={v.form === 'remove' ? v.errors : undefined} />
        </>
      )}
      {/* Passkeys (another part of issue 9) render here: the route's optional extraSection. */}
      <div id="passkey-section">{extra}</div>
    </>
  );
}

const stepName = { prepare: 'twoFactor.step.prepare', apps: 'twoFactor.step.apps', setup: 'twoFactor.step.setup' } as const;

function StepBody({ p, v }: { p: PageContext; v: Extract<TwoFactorPage, { kind: 'step' }> }) {
  const next = nextStep(v.step);
  const e = v.errors ?? {};
  const cancel = (
    <a class="button" href={BASE_PATH} safe>
      {p.t('twoFactor.cancel')}
    </a>
  );
  return (
    <section class="card" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title" safe>
        {p.t('twoFactor.title')}
      </h1>
      <h2 safe>{p.t('twoFactor.stepOf', { n: stepNumber(v.step), name: p.t(stepName[v.step]) })}</h2>
      {v.step === 'prepare' ? (
        <>
          <p safe>{p.t('twoFactor.prepareLead')}</p>
          <p safe>{p.t('twoFactor.prepareHint')}</p>
        </>
      ) : (
        ''
      )}
      {v.step === 'apps' ? (
        <>
          <p safe>{p.t('twoFactor.appsLead')}</p>
          {systems.map((system) => (
            <section aria-labelledby={`apps-${system}`}>
              <h3 id={`apps-${system}`} safe>
                {p.t(system === 'ios' ? 'twoFactor.system.ios' : 'twoFactor.system.android')}
              </h3>
                {(v.apps ?? [])
                  .filter((a) => a.system === system)
                  .map((a) => {
                    const store = p.t(a.store === 'ios' ? 'twoFactor.store.ios' : 'twoFactor.store.android');
                    return (
                      <p class="app">
                        <Qr qr={a.qr} size={140} label={p.t('twoFactor.appQrAlt', { app: a.app, store })} />
                        <br />
                        <a href={a.url} rel="noopener noreferrer" safe>
                          {p.t('twoFactor.appLink', { app: a.app, store })}
                        </a>
                      </p>
                    );
                  })}
            </section>
          ))}
        </>
      ) : (
        ''
      )}
      {next ? (
        <p class="actions">
          {cancel}
          <a class="button primary" href={stepPath(next)} safe>
            {p.t('twoFactor.next')}
          </a>
        </p>
      ) : (
        ''
      )}
      {v.step === 'setup' && v.setup ? (
        <>
          <p safe>{p.t('twoFactor.setupLead')}</p>
          {systems.map((system) => (
            <details>
              <summary safe>{p.t(system === 'ios' ? 'twoFactor.howto.ios' : 'twoFactor.howto.android')}</summary>
              <ol>
                <li safe>{p.t('twoFactor.howto.1')}</li>
                <li safe>{p.t(system === 'ios' ? 'twoFactor.howto.2.ios' : 'twoFactor.howto.2.android')}</li>
                <li safe>{p.t('twoFactor.howto.3')}</li>
              </ol>
            </details>
          ))}
          <p>
            <Qr qr={v.setup.qr} label={p.t('twoFactor.qrAlt', { username: v.setup.username })} />
          </p>
          <p>
            <span safe>
              {p.t('twoFactor.secret')}
            </span>
            ：
            <code class="secret" safe>
              {groupedSecret(v.setup.secret)}
            </code>
          </p>
          <form method="post" action={`${BASE_PATH}/bind`} class="form" novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <CodeField p={p} form="bind" error={e.code} />
            <div class="actions">
              {cancel}
              <button type="submit" class="primary" safe>
                {p.t('twoFactor.bind')}
              </button>
            </div>
          </form>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

function CodesBody({ p, v }: { p: PageContext; v: Extract<TwoFactorPage, { kind: 'codes' }> }) {
  return (
    <section class="card" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title" safe>
        {p.t('twoFactor.title')}
      </h1>
      <p class="notice" role="status" safe>
        {p.t(v.change === 'enable' ? 'twoFactor.enabled' : 'twoFactor.regenerated')}
      </p>
      <h2 safe>{p.t('twoFactor.recoveryCodes')}</h2>
      <p safe>{p.t('twoFactor.recoveryLead')}</p>
      <ol class="recovery-codes">
        {v.codes.map((code) => (
          <li>
            <code safe>{code}</code>
          </li>
        ))}
      </ol>
      <p class="actions">
        <a class="button primary" href={BASE_PATH} safe>
          {p.t('twoFactor.done')}
        </a>
      </p>
    </section>
  );
}

/** 壹拾 雙因子認證綁定: every state of the console page; `extra` is the passkey section (empty until wired). */
export function twoFactorPage(p: PageContext, v: TwoFactorPage, extra: JSX.Element | string = '') {
  const title = p.t('twoFactor.title');
  switch (v.kind) {
    case 'status':
      return consoleLayout(p, title, <StatusBody p={p} v={v} extra={extra} />);
    case 'step':
      return consoleLayout(p, title, <StepBody p={p} v={v} />);
    case 'codes':
      return consoleLayout(p, title, <CodesBody p={p} v={v} />);
    default:
      return consoleLayout(
        p,
        title,
        <section class="card" aria-labelledby="two-factor-title">
          <h1 id="two-factor-title" safe>
            {title}
          </h1>
          <ErrorBox message={p.t('twoFactor.expired')} />
          <p class="actions">
            <a class="button primary" href={BASE_PATH} safe>
              {p.t('twoFactor.done')}
            </a>
          </p>
        </section>,
      );
  }
}
