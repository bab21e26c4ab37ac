import Router from '@koa/router';
import type { OutboxRepo } from '../../storage/ports.ts';
import { page, type AppState } from '../context.ts';
import { html } from '../html.ts';
import { layout } from '../views/layout.ts';

/** Outside production without SMTP/SMS settings, messages are read here instead of being sent. */
export function devOutboxRoutes(outbox: OutboxRepo) {
  const router = new Router<AppState>();
  router.get('/dev/outbox.json', async (ctx) => {
    ctx.body = await outbox.recent(200);
  });
  router.get('/dev/outbox', async (ctx) => {
    const messages = await outbox.recent(200);
    ctx.body = layout(
      page(ctx),
      '開發用信件匣',
      html`<section class="card wide"><h1>開發用信件匣</h1>
  <p>未設定 SMTP / 簡訊閘道時，系統寄出的信件與簡訊顯示在這裡（僅限開發環境）。</p>
  <table class="data outbox"><thead><tr><th scope="col">時間</th><th scope="col">管道</th><th scope="col">收件者</th><th scope="col">內容</th></tr></thead>
  <tbody>${messages.map(
    (m) => html`<tr><td>${m.created_at}</td><td>${m.channel === 'email' ? '電子郵件' : '簡訊'}</td><td>${m.to}</td><td><strong>${m.subject}</strong><pre>${m.text}</pre></td></tr>`,
  )}</tbody></table></section>`,
    ).value;
  });
  return router;
}
