import { taipeiTime } from '../../domain/taipei-time.ts';
import { PATH, type Notice, type SessionRow } from '../../flows/sessions/flow.ts';
import { consoleLayout } from './console.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

const deviceName = (p: PageContext, r: SessionRow) =>
  [p.t(`sessions.device.${r.device}`), r.browser, r.system].filter(Boolean).join(' · ');

function NoticeText({ p, notice }: { p: PageContext; notice?: Notice }) {
  if (!notice) return '';
  if (notice.kind === 'gone') return <ErrorBox message={p.t('sessions.gone')} />;
  return (
    <p role="status" class="notice" safe>
      {notice.kind === 'ended' ? p.t('sessions.ended') : p.t('sessions.othersEnded', { count: notice.count })}
    </p>
  );
}

function SessionCard({ p, r, n }: { p: PageContext; r: SessionRow; n: number }) {
  const name = deviceName(p, r);
  const unknown = p.t('sessions.unknown');
  const row = (label: string, value: string) => (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td safe>{value}</td>
    </tr>
  );
  return (
    <section class="card" aria-labelledby={`session-${n}`}>
      <h2 id={`session-${n}`}>
        <span safe>{name}</span>
        {r.current ? (
          <>
            {' '}
            <strong class="current-session" safe>
              {`（${p.t('sessions.current')}）`}
            </strong>
          </>
        ) : (
          ''
        )}
      </h2>
      <table class="data">
        {row(p.t('sessions.device'), p.t(`sessions.device.${r.device}`))}
        {row(p.t('sessions.browser'), r.browser || unknown)}
        {row(p.t('sessions.system'), r.system || unknown)}
        {row(p.t('sessions.address'), r.ip || unknown)}
        {row(p.t('sessions.signedInAt'), taipeiTime(r.signedInAt))}
        {row(p.t('sessions.lastSeen'), taipeiTime(r.lastSeenAt))}
        {row(p.t('sessions.methods'), r.methods.map((m) => p.t(`sessions.method.${m}`)).join(p.lang === 'en' ? ', ' : '、') || unknown)}
      </table>
      {r.current ? (
        ''
      ) : (
        <form method="post" action={`${PATH}/end`} class="actions">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="session" value={r.ref} />
          <button type="submit" aria-label={p.t('sessions.signOutNamed', { device: name })} safe>
            {p.t('sessions.signOut')}
          </button>
        </form>
      )}
    </section>
  );
}

/** 登入中的裝置: every live session of the account, this one marked 「目前使用中」, each other one with 「登出」. */
export function sessionsPage(p: PageContext, v: { rows: SessionRow[]; notice?: Notice }) {
  const title = p.t('sessions.title');
  const others = v.rows.filter((r) => !r.current).length;
  return consoleLayout(
    p,
    title,
    <div>
      <h1 safe>{title}</h1>
      <p safe>{p.t('sessions.lead')}</p>
      <NoticeText p={p} notice={v.notice} />
      <p safe>{p.t('sessions.timesNote')}</p>
      {v.rows.map((r, i) => (
        <SessionCard p={p} r={r} n={i + 1} />
      ))}
      {others > 0 ? (
        <form method="post" action={`${PATH}/end-others`} class="actions">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <button type="submit" class="primary" safe>
            {p.t('sessions.signOutOthers')}
          </button>
        </form>
      ) : (
        <p safe>{p.t('sessions.noOthers')}</p>
      )}
    </div>,
  );
}
