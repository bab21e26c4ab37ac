import { taipeiTime } from '../../domain/taipei-time.ts';
import { SECOND_FACTOR_PATH } from '../../flows/second-factor/flow.ts';
import type { Passkey } from '../../storage/ports.ts';
import { consoleLayout } from './console.tsx';
import { reauthUrl } from '../../flows/kit/signed-in.ts';
import type { FieldError } from './fields.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** Where the passkey section is shown (links back, redirects after a change): change it here only when 雙因子認證綁定 embeds it. */
export const PASSKEYS_PAGE: string = '/account/two-factor';
/** After a change: the section with its status (`?passkey=`, apart from the embedding page's own `?done=`). */
export const passkeysDone = (done: 'added' | 'removed' | 'renamed') => `${PASSKEYS_PAGE}?passkey=${done}#passkeys`;
/** Where the section's forms and JSON calls go, wherever it is shown. */
export const PASSKEYS_BASE: string = '/account/passkeys';


export interface PasskeySectionView {
  passkeys: Pick<Passkey, 'id' | 'name' | 'createdAt' | 'lastUsedAt'>[];
  /** Credentials proven within 5 minutes: adding is offered; otherwise a link to the password question first. */
  recent: boolean;
  done?: 'added' | 'removed' | 'renamed';
  /** A message for the whole section (a passkey that is not there). */
  formError?: string;
  /** The rename form of this passkey comes back open with its error. */
  renameError?: { id: string; error: FieldError };
  /** The section is the page (h1) or a part of one (h2). */
  standalone?: boolean;
}

/** 新增通行金鑰: passkeys.js reveals the form; without it (or without WebAuthn) the note says why it is missing. */
function AddPasskey({ p }: { p: PageContext }) {
  return (
    <>
      <form
        class="form"
        id="passkey-add"
        action={PASSKEYS_BASE}
        data-passkey-register={PASSKEYS_BASE}
        data-csrf={p.csrf}
        data-msg-working={p.t('passkey.working')}
        data-msg-cancelled={p.t('passkey.cancelled')}
        hidden
      >
        <div class="field">
          <label for="passkey-name" safe>
            {p.t('passkey.newName')}
          </label>
          <input id="passkey-name" name="name" maxlength="50" autocomplete="off" aria-describedby="passkey-name-hint" />
          <small id="passkey-name-hint" safe>
            {p.t('passkey.newNameHint')}
          </small>
        </div>
        <p class="error" role="alert" data-passkey-error hidden></p>
        <button type="submit" class="primary" safe>
          {p.t('passkey.add')}
        </button>
      </form>
      <p class="notice" data-passkey-unsupported={p.t('passkey.unsupported')} safe>
        {p.t('passkey.needsScript')}
      </p>
    </>
  );
}

/** 「重新命名」 in place: a disclosure (no JavaScript needed), open again when its name was refused. */
function Rename({ p, id, name, i, error }: { p: PageContext; id: string; name: string; i: number; error?: FieldError }) {
  const field = `rename-${i}`;
  return (
    <details open={Boolean(error)}>
      <summary safe>{p.t('passkey.rename')}</summary>
      <form method="post" action={`${PASSKEYS_BASE}/${encodeURIComponent(id)}/rename`} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for={field} safe>
            {p.t('passkey.renameTo')}
          </label>
          <input id={field} name="name" value={name} maxlength="50" autocomplete="off" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${field}-error` : undefined} />
          {error ? (
            <p class="field-error" id={`${field}-error`} safe>
              {p.t(error.key, error.params)}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit" safe>
          {p.t('passkey.save')}
        </button>
      </form>
    </details>
  );
}

/** Adding needs a session proven within 5 minutes: otherwise the password is asked again first (/account/confirm). */
function ConfirmPassword({ p }: { p: PageContext }) {
  return (
    <p>
      <span safe>{p.t('passkey.confirmIntro')}</span>{' '}
      <a class="button primary" href={reauthUrl(`${PASSKEYS_PAGE}#passkeys`)} safe>
        {p.t('passkey.confirm')}
      </a>
    </p>
  );
}

/** 通行金鑰 of 雙因子認證綁定: the list (name, added, last used, 「移除」) and 「新增通行金鑰」. */
export function PasskeySection(v: PasskeySectionView & { p: PageContext }) {
  const { p } = v;
  const heading = p.t('passkey.title');
  return (
    <section id="passkeys" class="card" aria-labelledby="passkeys-title">
      {v.standalone ? (
        <h1 id="passkeys-title" safe>
          {heading}
        </h1>
      ) : (
        <h2 id="passkeys-title" safe>
          {heading}
        </h2>
      )}
      <p class="lead" safe>
        {p.t('passkey.intro')}
      </p>
      <ErrorBox message={v.formError} />
      {v.done ? (
        <p class="success" role="status" safe>
          {p.t(`passkey.${v.done}`)}
        </p>
      ) : (
        ''
      )}
      {v.passkeys.length ? (
        <ul class="passkey-list" aria-label={p.t('passkey.list')}>
          {v.passkeys.map((k, i) => (
            <li>
              <strong id={`passkey-${i}`} safe>
                {k.name}
              </strong>
              <br />
              <span safe>{`${p.t('passkey.created')}：${taipeiTime(k.createdAt)}`}</span>
              <br />
              <span safe>{`${p.t('passkey.lastUsed')}：${k.lastUsedAt ? taipeiTime(k.lastUsedAt) : p.t('passkey.neverUsed')}`}</span>
              <br />
              <a class="button" href={`${PASSKEYS_BASE}/${encodeURIComponent(k.id)}/remove`} aria-describedby={`passkey-${i}`} safe>
                {p.t('passkey.remove')}
              </a>
              <Rename p={p} id={k.id} name={k.name} i={i} error={v.renameError?.id === k.id ? v.renameError.error : undefined} />
            </li>
          ))}
        </ul>
      ) : (
        <p safe>{p.t('passkey.none')}</p>
      )}
      {v.recent ? <AddPasskey p={p} /> : <ConfirmPassword p={p} />}
      <script src="/assets/passkeys.js" defer></script>
    </section>
  );
}

/** The section inside another page (雙因子認證綁定): an h2 after that page's h1. */
export const passkeySection = (p: PageContext, v: PasskeySectionView) => <PasskeySection p={p} {...v} />;

export function passkeysPage(p: PageContext, v: PasskeySectionView) {
  return consoleLayout(p, p.t('passkey.title'), <PasskeySection p={p} {...v} standalone />);
}

/** 「移除」: the passkey named and a confirmation (after a recent sign-in); or, for a passkey that is not there, why. */
export function removePasskeyPage(p: PageContext, v: { passkey?: Pick<Passkey, 'id' | 'name'>; formError?: string }) {
  const title = p.t('passkey.removeTitle');
  return consoleLayout(
    p,
    title,
    <section class="card" aria-labelledby="remove-title">
      <h1 id="remove-title" safe>
        {title}
      </h1>
      <ErrorBox message={v.formError} />
      {v.passkey ? (
        <form method="post" action={`${PASSKEYS_BASE}/${encodeURIComponent(v.passkey.id)}/remove`} class="form" novalidate>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <p safe>{p.t('passkey.removeConfirm', { name: v.passkey.name })}</p>
          <div class="actions">
            <button type="submit" class="primary" safe>
              {p.t('passkey.remove')}
            </button>
            <a class="button" href={`${PASSKEYS_PAGE}#passkeys`} safe>
              {p.t('passkey.cancel')}
            </a>
          </div>
        </form>
      ) : (
        <p class="actions">
          <a class="button" href={`${PASSKEYS_PAGE}#passkeys`} safe>
            {p.t('passkey.title')}
          </a>
        </p>
      )}
    </section>,
  );
}

/** A passkey button (hidden until passkeys.js finds WebAuthn): options from `options`, the answer posted to `answer`. */
function PasskeyButton({ p, options, answer, label }: { p: PageContext; options: string; answer: string; label: string }) {
  return (
    <div class="more" data-passkey-login={answer} data-passkey-options={options} data-csrf={p.csrf} data-msg-working={p.t('passkey.working')} data-msg-cancelled={p.t('passkey.cancelled')} hidden>
      <p class="error" role="alert" data-passkey-error hidden></p>
      <button type="button" safe>
        {label}
      </button>
      <script src="/assets/passkeys.js" defer></script>
    </div>
  );
}

/**
 * 「使用通行金鑰登入」 under the login form. `action` is the login form's (its ?next= is kept); inside an
 * application's sign-in it continues that interaction.
 */
export function PasskeySignIn({ p, action, interaction }: { p: PageContext; action: string; interaction?: string }) {
  const query = action.startsWith('/login?') ? action.slice('/login'.length) : '';
  const endpoint = interaction ? `/interaction/${encodeURIComponent(interaction)}/passkey` : `/login/passkey${query}`;
  return <PasskeyButton p={p} options="/login/passkey/options" answer={endpoint} label={p.t('passkey.signIn')} />;
}

/** 「使用通行金鑰」 on the second-factor page: a passkey of the pending account finishes the sign-in. */
export function PasskeySecondFactor({ p }: { p: PageContext }) {
  return <PasskeyButton p={p} options={`${SECOND_FACTOR_PATH}/passkey/options`} answer={`${SECOND_FACTOR_PATH}/passkey`} label={p.t('passkey.secondFactor')} />;
}
