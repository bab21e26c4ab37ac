import type { MessageKey } from '../../i18n/catalog.ts';
import { text } from '../../i18n/translate.ts';
import type { Store, TicketCategory } from '../../storage/ports.ts';
import type { FlowStore } from '../kit/flow-store.ts';
import type { RegistrationState } from './flow.ts';
import type { RegistrationPages } from './pages.ts';
import { end, type Outcome } from './service.ts';

// The helpdesk reads zh-TW whatever language the person used.
const reportSummaries: Partial<Record<TicketCategory, MessageKey>> = {
  'school-not-found': 'report.summary.school-not-found',
  'source-not-found': 'report.summary.source-not-found',
  'data-error': 'report.summary.data-error',
};

/** 「查無資料，回報問題」, 「我找不到我的學校，回報問題」, 「資料異常，回報問題」: a helpdesk ticket from a registration. */
export function registrationReports(d: { store: Store; flows: FlowStore<RegistrationState>; pages: RegistrationPages }) {
  return {
    /** The form, prefilled with the chosen school. */
    async form(token: string | undefined): Promise<Outcome | { kind: 'report'; schoolName: string }> {
      const f = await d.flows.load(token);
      if (!f) return end(410, 'expired', true);
      return { kind: 'report', schoolName: await d.pages.schoolName(f.state.place.school) };
    },

    /** Hands the report to the helpdesk; returns its number for the person to quote. */
    async send(token: string | undefined, category: TicketCategory, extra: { contact: string; description: string }): Promise<Outcome | { kind: 'reported'; id: number }> {
      const f = await d.flows.load(token);
      if (!f) return end(410, 'expired', true);
      const { place, person, typed } = f.state;
      const school = place.school ? await d.store.directory.getSchool(place.school) : undefined;
      const where = school ? `${school.countyName} ${school.districtName ?? ''} ${school.name}（${school.code}）` : '';
      const description = [
        text('zh-TW', reportSummaries[category] ?? 'report.summary.generic'),
        where && text('zh-TW', 'report.summary.school', { school: where }),
        place.county && !school ? text('zh-TW', 'report.summary.chosen', { place: [place.county, place.district, place.level].filter(Boolean).join(' / ') }) : '',
        extra.description,
      ]
        .filter(Boolean)
        .join('\n');
      const id = await d.store.tickets.create({
        category,
        name: person?.name ?? typed?.name,
        contact: extra.contact,
        idSealed: person?.idSealed ?? typed?.idSealed,
        description,
        detail: { place, flow: 'registration' },
      });
      return { kind: 'reported', id };
    },
  };
}
export type RegistrationReports = ReturnType<typeof registrationReports>;
