import { layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export function errorPage(p: PageContext, message: string) {
  return layout(
    p,
    p.t('error.title'),
    <section class="card" role="alert">
      <h1 safe>{p.t('error.title')}</h1>
      <p class="error" safe>
        {message}
      </p>
      <p>
        <a href="/" safe>
          {p.t('error.back')}
        </a>
      </p>
    </section>,
  );
}

/** A page that ends or pauses a flow: a title, a message and the ways on. */
export function messagePage(p: PageContext, v: { title: string; message: string; links: { href: string; label: string }[]; status?: 'error' }) {
  return layout(
    p,
    v.title,
    <section class="card" role={v.status === 'error' ? 'alert' : 'status'}>
      <h1 safe>{v.title}</h1>
      <p class={v.status === 'error' ? 'error' : ''} safe>
        {v.message}
      </p>
      <p class="actions">
        {v.links.map((l) => (
          <a class="button" href={l.href} safe>
            {l.label}
          </a>
        ))}
      </p>
    </section>,
  );
}
