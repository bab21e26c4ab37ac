import type { Principal } from '../../admin/access.ts';
import type { TicketView } from '../../admin/helpdesk.ts';
import { nextStatuses } from '../../admin/ticket-status.ts';
import { schoolLevels } from '../../directory/levels.ts';
import { categories } from '../../flows/contact/flow.ts';
import type { Ticket, TicketStatus } from '../../storage/ports.ts';
import { ticketStatuses } from '../../storage/ports/notify.ts';
import { selectField, textField } from '../../web/views/fields.tsx';
import { ErrorBox } from '../../web/views/layout.tsx';
import { ScrollTable } from '../../web/views/scroll-table.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { Time } from '../../web/views/sign-in-records.tsx';
import { AccountPanelView, Row, type PanelState } from '../accounts/panel.tsx';
import { adminLayout } from '../kit/layout.tsx';

export const categoryLabel = (p: PageContext, c: Ticket['category']) => (c === 'code-not-received' ? p.t('admin.helpdesk.category.code-not-received') : p.t(`contact.category.${c}`));

export interface QueueView {
  filter: { category?: string; status?: string; county?: string; olderThanDays?: string };
  counties: { code: string; name: string }[];
  tickets: Ticket[];
  total: number;
  offset: number;
  next?: string;
  error?: string;
}

/** The queue: a GET form of filters (類別, 狀態, 縣市, 天數) and the tickets, by status then age. */
export function queuePage(p: PageContext, principal: Principal, v: QueueView) {
  const t = p.t;
  const any = t('admin.helpdesk.any');
  return adminLayout(
    p,
    principal,
    t('admin.helpdesk.queueTitle'),
    <section class="card wide" aria-labelledby="queue-title">
      <h1 id="queue-title" safe>
        {t('admin.helpdesk.queueTitle')}
      </h1>
      <ErrorBox message={v.error} />
      <form method="get" action="/admin/tickets" class="form queue-filters" aria-label={t('admin.helpdesk.filters')}>
        {selectField(p, { name: 'category', label: t('admin.helpdesk.category'), placeholder: any, value: v.filter.category, options: categories.map((c) => ({ value: c, label: t(`contact.category.${c}`) })) })}
        {selectField(p, { name: 'status', label: t('admin.helpdesk.status'), placeholder: any, value: v.filter.status, options: ticketStatuses.map((s) => ({ value: s, label: t(`admin.helpdesk.status.${s}`) })) })}
        {selectField(p, { name: 'county', label: t('admin.helpdesk.county'), placeholder: any, value: v.filter.county, options: v.counties.map((c) => ({ value: c.code, label: c.name })) })}
        {textField(p, {
          name: 'olderThanDays',
          label: t('admin.helpdesk.days'),
          hint: t('admin.helpdesk.daysHint'),
          value: v.filter.olderThanDays,
          inputmode: 'numeric',
          maxlength: 4,
          optional: true,
          error: v.error ? { key: 'admin.helpdesk.daysInvalid' } : undefined,
        })}
        <div class="actions">
          <button type="submit" class="primary" safe>
            {t('admin.helpdesk.filter')}
          </button>
        </div>
      </form>
      <p role="status" safe>
        {t('admin.helpdesk.count', { total: v.total, shown: v.tickets.length })}
      </p>
      {v.tickets.length ? (
        <ScrollTable id="queue" tableClass="data tickets" caption={t('admin.helpdesk.queueTitle')} columns={['admin.helpdesk.number', 'admin.helpdesk.category', 'admin.helpdesk.status', 'admin.helpdesk.county', 'admin.helpdesk.reporter', 'admin.helpdesk.created'].map((k) => t(k))}>
          {v.tickets.map((x) => (
            <tr>
              <td>
                <a href={`/admin/tickets/${x.id}`} safe>
                  {String(x.id)}
                </a>
              </td>
              <td safe>{categoryLabel(p, x.category)}</td>
              <td safe>{t(`admin.helpdesk.status.${x.status}`)}</td>
              <td safe>{x.countyName ?? t('admin.helpdesk.noCounty')}</td>
              <td safe>{x.name ?? ''}</td>
              <td>
                <Time at={x.createdAt} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p safe>{t('admin.helpdesk.none')}</p>
      )}
      {v.next ? (
        <p class="more">
          <a href={v.next} safe>
            {t('admin.helpdesk.more')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>,
  );
}

type FormName = 'reply' | 'status' | 'school' | 'source' | 'enable' | 'resend' | 'reset';

export interface TicketPageState {
  done?: string;
  error?: { form: FormName; message: string };
  /** What was typed into the form that failed. */
  values?: Record<string, string>;
}

const csrf = (p: PageContext) => <input type="hidden" name="_csrf" value={p.csrf} />;

/** A ticket: what the reporter entered, the account it names, the messages, and every form that works on it. */
export function ticketPage(p: PageContext, principal: Principal, v: TicketView, s: TicketPageState, counties: { code: string; name: string }[]) {
  const t = p.t;
  const x = v.ticket;
  const base = `/admin/tickets/${x.id}`;
  const val = (name: string, fallback = '') => s.values?.[name] ?? fallback;
  const err = (form: FormName) => (s.error?.form === form ? s.error.message : undefined);
  const title = t('admin.helpdesk.ticketTitle', { id: x.id });
  const panelState: PanelState = {
    error: s.error && ['enable', 'resend', 'reset'].includes(s.error.form) ? (s.error as PanelState['error']) : undefined,
    reason: s.values?.reason,
  };
  const next = nextStatuses(x.status);
  const channel = val('channel', x.contactChannel ?? 'email');
  return adminLayout(
    p,
    principal,
    title,
    <section class="card wide" aria-labelledby="ticket-title">
      <p>
        <a href="/admin/tickets" safe>
          {t('admin.helpdesk.back')}
        </a>
      </p>
      <h1 id="ticket-title" safe>
        {title}
      </h1>
      {s.done ? (
        <p class="notice" role="status" safe>
          {s.done}
        </p>
      ) : (
        ''
      )}

      <section aria-labelledby="entered-title">
        <h2 id="entered-title" safe>
          {t('admin.helpdesk.entered')}
        </h2>
        <table class="data">
          <Row label={t('admin.helpdesk.category')}>{<span safe>{categoryLabel(p, x.category)}</span>}</Row>
          <Row label={t('admin.helpdesk.status')}>{<span safe>{t(`admin.helpdesk.status.${x.status}`)}</span>}</Row>
          <Row label={t('admin.helpdesk.county')}>{<span safe>{x.countyName ?? t('admin.helpdesk.noCounty')}</span>}</Row>
          <Row label={t('admin.helpdesk.source')}>{<span safe>{t(x.detail.registration ? 'admin.helpdesk.source.registration' : 'admin.helpdesk.source.contact')}</span>}</Row>
          <Row label={t('contact.name')}>{<span safe>{x.name ?? ''}</span>}</Row>
          <Row label={t('contact.contact')}>{<span safe>{x.contact ?? ''}</span>}</Row>
          {v.idMasked ? <Row label={t('admin.helpdesk.idNumber')}>{<span safe>{v.idMasked}</span>}</Row> : ''}
          {x.accountName ? <Row label={t('admin.helpdesk.accountName')}>{<span safe>{x.accountName}</span>}</Row> : ''}
          <Row label={t('admin.helpdesk.lang')}>{<span safe>{x.lang ?? 'zh-TW'}</span>}</Row>
          <Row label={t('admin.helpdesk.created')}>
            <Time at={x.createdAt} />
          </Row>
          <Row label={t('contact.description')}>
            <div class="ticket-text" safe>
              {x.description}
            </div>
          </Row>
        </table>
      </section>

      {v.account && v.account !== 'out-of-reach' ? (
        <AccountPanelView p={p} a={v.account} base={base} state={panelState} />
      ) : (
        <p class="notice" safe>
          {t(v.account === 'out-of-reach' ? 'admin.helpdesk.accountOutOfReach' : 'admin.helpdesk.noAccountNamed')}
        </p>
      )}

      <section aria-labelledby="messages-title" id="messages">
        <h2 id="messages-title" safe>
          {t('admin.helpdesk.messages')}
        </h2>
        {v.messages.length ? (
          <ol class="ticket-messages">
            {v.messages.map((m) => (
              <li>
                <p class="ticket-message-head">
                  <strong safe>{m.direction === 'reply' ? t('admin.helpdesk.message.reply', { channel: t(`admin.helpdesk.channel.${m.channel ?? 'email'}`), to: m.to ?? '' }) : t('admin.helpdesk.message.note')}</strong>{' '}
                  <span safe>{m.actorName ?? m.actor}</span> <Time at={m.at} />
                </p>
                <div class="ticket-text" safe>
                  {m.body}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p safe>{t('admin.helpdesk.noMessages')}</p>
        )}
      </section>

      <form method="post" action={`${base}/reply`} class="form" aria-labelledby="reply-title">
        <h2 id="reply-title" safe>
          {t('admin.helpdesk.replyTitle')}
        </h2>
        <ErrorBox message={err('reply')} />
        {csrf(p)}
        <fieldset>
          <legend safe>{t('admin.helpdesk.channel')}</legend>
          {(['email', 'sms'] as const).map((c) => (
            <label class="choice">
              <input type="radio" name="channel" value={c} checked={channel === c} /> <span safe>{t(`admin.helpdesk.channel.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="body" safe>
            {t('admin.helpdesk.replyBody')}
          </label>
          <textarea id="body" name="body" rows="5" maxlength="4000" required aria-describedby="body-hint" aria-invalid={err('reply') ? 'true' : undefined} safe>
            {val('body')}
          </textarea>
          <small id="body-hint" safe>
            {t('admin.helpdesk.replyHint')}
          </small>
        </div>
        <button type="submit" class="primary" safe>
          {t('admin.helpdesk.send')}
        </button>
      </form>

      <form method="post" action={`${base}/status`} class="form" aria-labelledby="status-title">
        <h2 id="status-title" safe>
          {t('admin.helpdesk.statusTitle')}
        </h2>
        <ErrorBox message={err('status')} />
        {csrf(p)}
        {selectField(p, {
          name: 'status',
          label: t('admin.helpdesk.newStatus'),
          placeholder: t('admin.helpdesk.choose'),
          value: next.length === 1 ? next[0] : val('status'),
          options: next.map((st: TicketStatus) => ({ value: st, label: t(`admin.helpdesk.status.${st}`) })),
        })}
        <button type="submit" safe>
          {t('admin.helpdesk.setStatus')}
        </button>
      </form>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title" safe>
          {t('admin.helpdesk.actionsTitle')}
        </h2>
        <form method="post" action={`${base}/school`} class="form" aria-labelledby="school-title">
          <h3 id="school-title" safe>
            {t('admin.helpdesk.school.title')}
          </h3>
          <ErrorBox message={err('school')} />
          {csrf(p)}
          {textField(p, { name: 'school_code', label: t('admin.helpdesk.school.codeLabel'), value: val('school_code'), maxlength: 9 })}
          {textField(p, { name: 'school_name', label: t('admin.helpdesk.school.nameLabel'), value: val('school_name') })}
          {selectField(p, { name: 'school_level', label: t('admin.helpdesk.school.levelLabel'), placeholder: t('admin.helpdesk.choose'), value: val('school_level'), options: schoolLevels.map((l) => ({ value: l, label: l })) })}
          {selectField(p, { name: 'school_county', label: t('admin.helpdesk.school.countyLabel'), placeholder: t('admin.helpdesk.choose'), value: val('school_county', x.countyCode ?? ''), options: counties.map((c) => ({ value: c.code, label: c.name })) })}
          {textField(p, { name: 'school_address', label: t('admin.helpdesk.school.addressLabel'), hint: t('admin.helpdesk.school.addressHint'), value: val('school_address'), maxlength: 200 })}
          {textField(p, { name: 'school_ownership', label: t('admin.helpdesk.school.ownershipLabel'), value: val('school_ownership'), maxlength: 20, optional: true })}
          <button type="submit" safe>
            {t('admin.helpdesk.school.add')}
          </button>
        </form>

        <form method="post" action={`${base}/source`} class="form" aria-labelledby="source-title">
          <h3 id="source-title" safe>
            {t('admin.helpdesk.source.title')}
          </h3>
          <ErrorBox message={err('source')} />
          {csrf(p)}
          {textField(p, { name: 'src_school', label: t('admin.helpdesk.source.schoolLabel'), value: val('src_school'), maxlength: 9 })}
          {textField(p, { name: 'src_id', label: t('admin.helpdesk.source.idLabel'), value: val('src_id'), maxlength: 20 })}
          {textField(p, { name: 'src_name', label: t('admin.helpdesk.source.nameLabel'), value: val('src_name', x.name ?? ''), maxlength: 60 })}
          {textField(p, { name: 'src_birthday', label: t('admin.helpdesk.source.birthdayLabel'), hint: t('admin.helpdesk.source.birthdayHint'), value: val('src_birthday'), maxlength: 10 })}
          {selectField(p, { name: 'src_identity', label: t('admin.helpdesk.source.identityLabel'), placeholder: t('admin.helpdesk.choose'), value: val('src_identity'), options: (['教師', '職員', '學生'] as const).map((i) => ({ value: i, label: t(`identity.${i}`) })) })}
          {textField(p, { name: 'src_titles', label: t('admin.helpdesk.source.titlesLabel'), value: val('src_titles'), maxlength: 300, optional: true })}
          <button type="submit" safe>
            {t('admin.helpdesk.source.save')}
          </button>
        </form>
      </section>
    </section>,
  );
}
