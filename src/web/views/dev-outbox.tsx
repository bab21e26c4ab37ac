import { layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export interface OutboxRow {
  created_at: unknown;
  channel: string;
  to: string;
  subject: string | null;
  text: string;
}

/** Outside production without SMTP/SMS settings, the messages the service "sent" (development only). */
export function devOutboxPage(p: PageContext, messages: OutboxRow[]) {
  return layout(
    p,
    p.t('outbox.title'),
    <section class="card wide">
      <h1 safe>{p.t('outbox.title')}</h1>
      <p safe>{p.t('outbox.lead')}</p>
      <table class="data outbox">
        <thead>
          <tr>
            <th scope="col" safe>
              {p.t('outbox.time')}
            </th>
            <th scope="col" safe>
              {p.t('outbox.channel')}
            </th>
            <th scope="col" safe>
              {p.t('outbox.to')}
            </th>
            <th scope="col" safe>
              {p.t('outbox.content')}
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr>
              <td safe>{String(m.created_at)}</td>
              <td safe>{p.t(m.channel === 'email' ? 'outbox.email' : 'outbox.sms')}</td>
              <td safe>{m.to}</td>
              <td>
                <strong safe>{m.subject ?? ''}</strong>
                <pre safe>{m.text}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>,
  );
}
