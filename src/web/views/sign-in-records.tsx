import { taipeiTime } from '../../domain/taipei-time.ts';
import type { SignInMethod } from '../../storage/ports.ts';
import { consoleLayout } from './console.tsx';
import { ErrorBox } from './layout.tsx';
import { ScrollTable } from './scroll-table.tsx';
import type { PageContext } from './page-context.ts';

/** A moment in Taipei time inside a `<time>` element (its machine-readable moment in UTC). */
export function Time({ at }: { at: Date }) {
  return (
    <time datetime={at.toISOString()} safe>
      {taipeiTime(at, { seconds: true })}
    </time>
  );
}

export interface RecordRow {
  at: Date;
  /** The application's name (application records); null when it was removed since. */
  app?: string | null;
  result: 'succeeded' | 'failed';
  method: SignInMethod;
  ip: string | null;
  browser: string;
  system: string;
  device: 'mobile' | 'tablet' | 'desktop';
}

export interface RecordsView {
  kind: 'application' | 'authentication';
  action: string;
  count: number;
  counts: readonly number[];
  error?: string;
  rows: RecordRow[];
}

/** 捌.2 應用服務登入紀錄 and 玖 ＩＰ登入紀錄: how many (a GET form, works without script) → 「送出」 → the records. */
export function signInRecordsPage(p: PageContext, v: RecordsView) {
  const app = v.kind === 'application';
  const title = p.t(app ? 'records.appTitle' : 'records.ipTitle');
  const unknown = p.t('records.unknown');
  const cells = (r: RecordRow) => {
    const result = (
      <span class={`status ${r.result === 'succeeded' ? 'ok' : 'bad'}`} safe>
        {p.t(`records.result.${r.result}`)}
      </span>
    );
    const method = <td safe>{p.t(`records.method.${r.method}`)}</td>;
    const ip = <td safe>{r.ip || unknown}</td>;
    return app ? (
      <>
        <td safe>{r.app ?? p.t('records.removedApp')}</td>
        <td>{result}</td>
        {method}
        {ip}
      </>
    ) : (
      <>
        {ip}
        {method}
        <td>{result}</td>
        <td safe>{[r.browser, r.system].filter(Boolean).join(' / ') || unknown}</td>
        <td safe>{p.t(`records.device.${r.device}`)}</td>
      </>
    );
  };
  const heads: string[] = app
    ? [p.t('records.time'), p.t('records.app'), p.t('records.result'), p.t('records.method'), p.t('records.ip')]
    : [p.t('records.time'), p.t('records.ip'), p.t('records.method'), p.t('records.result'), p.t('records.browser'), p.t('records.device')];
  return consoleLayout(
    p,
    title,
    <section class="card wide" aria-labelledby="records-title">
      <h1 id="records-title" safe>
        {title}
      </h1>
      <ErrorBox message={v.error} />
      <form method="get" action={v.action} class="form records-form">
        <div class="field">
          <label for="n" safe>
            {p.t('records.count')}
          </label>
          <small id="n-hint" safe>
            {p.t(app ? 'records.appLead' : 'records.ipLead')}
          </small>
          <select id="n" name="n" aria-describedby="n-hint">
            {v.counts.map((c) => (
              <option value={String(c)} selected={c === v.count} safe>
                {p.t('records.countOption', { count: c })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" safe>
          {p.t('records.submit')}
        </button>
      </form>
      {v.rows.length ? (
        <ScrollTable id="records" tableClass="data records" caption={p.t('records.caption', { count: v.count })} columns={heads}>
          {v.rows.map((r) => (
            <tr>
              <td>
                <Time at={r.at} />
              </td>
              {cells(r)}
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p safe>{p.t('records.empty')}</p>
      )}
    </section>,
  );
}
