import type { Lang } from '../../i18n/translate.ts';
import { text } from '../../i18n/translate.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { Store } from '../../storage/ports.ts';
import type { Prefill } from '../contact/service.ts';
import type { FlowStore } from '../kit/flow-store.ts';
import type { RegistrationState } from './flow.ts';

/**
 * 「查無資料，回報問題」, 「我找不到我的學校，回報問題」, 「資料異常，回報問題」 lead to 聯絡我們 (`/contact?category=…&from=register`):
 * this is what the registration flow of this browser tells that form (the school chosen, what was typed).
 */
export function registrationPrefill(d: { store: Store; flows: FlowStore<RegistrationState>; pii: PiiVault }) {
  return async (token: string | undefined, lang: Lang): Promise<Prefill | undefined> => {
    const f = await d.flows.load(token);
    if (!f) return undefined;
    const { place, person, typed } = f.state;
    const school = place.school ? await d.store.directory.getSchool(place.school) : undefined;
    const where = school ? `${school.countyName} ${school.districtName ?? ''} ${school.name}（${school.code}）` : '';
    const chosen = [place.county, place.district, place.level].filter(Boolean).join(' / ');
    const idSealed = person?.idSealed ?? typed?.idSealed;
    return {
      name: person?.name ?? typed?.name,
      idNumber: idSealed ? d.pii.open(idSealed) : undefined,
      lines: [
        text(lang, 'contact.fromRegistration'),
        where && text(lang, 'report.summary.school', { school: where }),
        !school && chosen ? text(lang, 'report.summary.chosen', { place: chosen }) : '',
      ].filter(Boolean),
      detail: { registration: { place } },
    };
  };
}
export type RegistrationPrefill = ReturnType<typeof registrationPrefill>;
