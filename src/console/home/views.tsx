import type { Principal } from '../../admin/access.ts';
import type { OverviewFigures } from '../../admin/overview.ts';
import { taipeiTime } from '../../domain/taipei-time.ts';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { ColumnChart, HBarChart, Legend, type Series } from './charts.tsx';
import { HeadRow, ScrollTable } from './table.tsx';

const COLORS = { active: '#1e7b34', inactive: '#8a5300', disabled: '#b3261e', succeeded: '#0b5cad', failed: '#b3261e', tickets: '#0b5cad' };
const percent = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);
const hourOf = (d: Date) => taipeiTime(d).slice(11);

function Accounts({ p, a }: { p: PageContext; a: NonNullable<OverviewFigures['accounts']> }) {
  const names = a.rows.map((r) => r.countyName ?? p.t('admin.overview.accounts.noCounty'));
  const series: Series[] = [
    { label: p.t('admin.overview.accounts.active'), fill: COLORS.active, values: a.rows.map((r) => r.active) },
    { label: p.t('admin.overview.accounts.inactive'), fill: COLORS.inactive, values: a.rows.map((r) => r.inactive) },
    { label: p.t('admin.overview.accounts.disabled'), fill: COLORS.disabled, values: a.rows.map((r) => r.disabled) },
  ];
  return (
    <section class="figure" aria-labelledby="accounts-title">
      <h2 id="accounts-title" safe>
        {p.t('admin.overview.accounts.title')}
      </h2>
      {a.rows.length ? (
        <>
          <HBarChart id="accounts-chart" name={p.t('admin.overview.accounts.chart')} rows={names} series={series} />
          <Legend series={series} />
          <ScrollTable label={p.t('admin.overview.accounts.title')}>
            <table class="data" id="accounts-table">
              <caption safe>{p.t('admin.overview.dataTable')}</caption>
              <HeadRow labels={[p.t('admin.overview.accounts.county'), ...series.map((s) => s.label)]} />
              <tbody>
                {a.rows.map((r, i) => (
                  <tr>
                    <th scope="row" safe>{names[i]}</th>
                    <td safe>{String(r.active)}</td>
                    <td safe>{String(r.inactive)}</td>
                    <td safe>{String(r.disabled)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" safe>{p.t('admin.overview.accounts.total')}</th>
                  <td safe>{String(a.total.active)}</td>
                  <td safe>{String(a.total.inactive)}</td>
                  <td safe>{String(a.total.disabled)}</td>
                </tr>
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : (
        <p safe>{p.t('admin.overview.accounts.none')}</p>
      )}
    </section>
  );
}

function SignIns({ p, hours }: { p: PageContext; hours: NonNullable<OverviewFigures['signIns']> }) {
  const labels = hours.map((h) => hourOf(h.hour).slice(0, 2));
  const counts: Series[] = [
    { label: p.t('admin.overview.signIns.succeeded'), fill: COLORS.succeeded, values: hours.map((h) => h.succeeded) },
    { label: p.t('admin.overview.signIns.failed'), fill: COLORS.failed, values: hours.map((h) => h.failed) },
  ];
  const rate: Series[] = [{ label: p.t('admin.overview.signIns.failureRate'), fill: COLORS.failed, values: hours.map((h) => h.failureRate ?? 0) }];
  const total = hours.reduce((t, h) => t + h.succeeded + h.failed, 0);
  const failed = hours.reduce((t, h) => t + h.failed, 0);
  return (
    <section class="figure" aria-labelledby="signins-title">
      <h2 id="signins-title" safe>
        {p.t('admin.overview.signIns.title')}
      </h2>
      <p safe>{p.t('admin.overview.signIns.summary', { total, failed })}</p>
      <ColumnChart id="signins-chart" name={p.t('admin.overview.signIns.chart')} columns={labels} series={counts} format={(n) => String(Math.round(n))} />
      <Legend series={counts} />
      <ColumnChart id="failure-chart" name={p.t('admin.overview.signIns.rateChart')} columns={labels} series={rate} max={1} format={(n) => `${Math.round(n * 100)}%`} />
      <ScrollTable label={p.t('admin.overview.signIns.title')}>
        <table class="data" id="signins-table">
          <caption safe>{p.t('admin.overview.dataTable')}</caption>
          <HeadRow labels={[p.t('admin.overview.signIns.hour'), p.t('admin.overview.signIns.succeeded'), p.t('admin.overview.signIns.failed'), p.t('admin.overview.signIns.failureRate')]} />
          <tbody>
            {hours.map((h) => (
              <tr>
                <th scope="row">
                  <time datetime={h.hour.toISOString()} safe>
                    {taipeiTime(h.hour)}
                  </time>
                </th>
                <td safe>{String(h.succeeded)}</td>
                <td safe>{String(h.failed)}</td>
                <td safe>{percent(h.failureRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function Tickets({ p, tickets }: { p: PageContext; tickets: NonNullable<OverviewFigures['tickets']> }) {
  const names = tickets.map((t) => p.t(`admin.overview.tickets.age.${t.age}`));
  const series: Series[] = [{ label: p.t('admin.overview.tickets.count'), fill: COLORS.tickets, values: tickets.map((t) => t.count) }];
  return (
    <section class="figure" aria-labelledby="tickets-title">
      <h2 id="tickets-title" safe>
        {p.t('admin.overview.tickets.title')}
      </h2>
      <HBarChart id="tickets-chart" name={p.t('admin.overview.tickets.chart')} rows={names} series={series} />
      <ScrollTable label={p.t('admin.overview.tickets.title')}>
        <table class="data" id="tickets-table">
          <caption safe>{p.t('admin.overview.dataTable')}</caption>
          <HeadRow labels={[p.t('admin.overview.tickets.age'), p.t('admin.overview.tickets.count')]} />
          <tbody>
            {tickets.map((t, i) => (
              <tr>
                <th scope="row" safe>{names[i]}</th>
                <td safe>{String(t.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

/** The console's first page: the dashboard, every figure bounded to what this principal's roles reach. */
export function adminHomePage(p: PageContext, principal: Principal, f: OverviewFigures) {
  return adminLayout(
    p,
    principal,
    p.t('admin.menu.overview'),
    <div class="overview">
      <h1 safe>{p.t('admin.menu.overview')}</h1>
      <p class="lead" safe>
        {p.t('admin.overview.countedAt', { at: taipeiTime(f.at) })}
      </p>
      {f.accounts ? <Accounts p={p} a={f.accounts} /> : <></>}
      {f.signIns ? <SignIns p={p} hours={f.signIns} /> : <></>}
      {f.tickets ? <Tickets p={p} tickets={f.tickets} /> : <></>}
    </div>,
  );
}
