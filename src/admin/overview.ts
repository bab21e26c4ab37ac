import type { AccountsOfCounty, OverviewScope, Store, TicketAge } from '../storage/ports.ts';
import { reachesAnything, reachOf, type Principal, type Reach } from './access.ts';

export const TICKET_AGES: readonly TicketAge[] = ['0-1', '1-3', '3-7', '7+'];
const HOUR = 3600_000;

export interface SignInHourFigure {
  hour: Date;
  succeeded: number;
  failed: number;
  /** Failed of all, 0–1; null for an hour without sign-ins. */
  failureRate: number | null;
}

export interface OverviewFigures {
  /** Null when the principal reaches no accounts (no admin:accounts). */
  accounts: { rows: AccountsOfCounty[]; total: Omit<AccountsOfCounty, 'countyCode' | 'countyName'> } | null;
  /** 24 hours, oldest first: the current hour and the 23 before it; null as for accounts. */
  signIns: SignInHourFigure[] | null;
  /** Null when the principal reaches no tickets (no admin:tickets). */
  tickets: { age: TicketAge; count: number }[] | null;
  /** The moment the figures were counted at. */
  at: Date;
}

const scopeOf = (r: Reach): OverviewScope => ({ all: r.all, counties: r.counties, schools: r.schools });

/** The dashboard (/admin, GET /overview): each figure bounded to where the principal's roles reach. */
export function adminOverview(store: Store) {
  async function accounts(reach: Reach) {
    const rows = await store.overview.accountsByCounty(scopeOf(reach));
    const total = rows.reduce((t, r) => ({ active: t.active + r.active, inactive: t.inactive + r.inactive, disabled: t.disabled + r.disabled }), { active: 0, inactive: 0, disabled: 0 });
    return { rows, total };
  }

  async function signIns(reach: Reach, now: Date): Promise<SignInHourFigure[]> {
    const first = Math.floor(now.getTime() / HOUR) * HOUR - 23 * HOUR;
    const counted = await store.overview.signInsByHour(scopeOf(reach), new Date(first), new Date(first + 24 * HOUR));
    const byHour = new Map(counted.map((h) => [h.hour.getTime(), h]));
    return Array.from({ length: 24 }, (_, i) => {
      const hour = first + i * HOUR;
      const { succeeded = 0, failed = 0 } = byHour.get(hour) ?? {};
      return { hour: new Date(hour), succeeded, failed, failureRate: succeeded + failed ? failed / (succeeded + failed) : null };
    });
  }

  async function tickets(reach: Reach, now: Date) {
    const counted = new Map((await store.overview.openTicketsByAge(scopeOf(reach), now)).map((r) => [r.age, r.count]));
    return TICKET_AGES.map((age) => ({ age, count: counted.get(age) ?? 0 }));
  }

  return {
    async figures(p: Principal, now = new Date()): Promise<OverviewFigures> {
      const people = reachOf(p, 'admin:accounts');
      const queue = reachOf(p, 'admin:tickets');
      const [a, s, t] = await Promise.all([
        reachesAnything(people) ? accounts(people) : null,
        reachesAnything(people) ? signIns(people, now) : null,
        reachesAnything(queue) ? tickets(queue, now) : null,
      ]);
      return { accounts: a, signIns: s, tickets: t, at: now };
    },
  };
}
export type AdminOverview = ReturnType<typeof adminOverview>;
