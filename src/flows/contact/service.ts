import { validatePersonName } from '../../domain/person-name.ts';
import { text, type Lang } from '../../i18n/translate.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import type { Store } from '../../storage/ports.ts';
import type { FieldErrors } from '../kit/form.ts';
import { contactOf, whoOf, type Category } from './flow.ts';
import { ticketSubject } from './ticket-subject.ts';
import type { ContactInput } from './schemas.ts';

/** Reports one address may send in an hour. */
export const CONTACT_PER_ADDRESS: RateLimitPolicy = { name: 'contact.ip', points: 10, windowSeconds: 60 * 60 };

/** What another flow knows about the person who pressed its 「回報問題」 (registration: the school and what was typed). */
export interface Prefill {
  name?: string;
  idNumber?: string;
  /** Lines for the description (in the person's language) and for the helpdesk. */
  lines: string[];
  detail: Record<string, unknown>;
}

export type ContactOutcome =
  | { kind: 'form'; errors: FieldErrors; error?: { key: string; params?: Record<string, string | number> }; retryAfterSeconds?: number }
  | { kind: 'sent'; id: number };

const maskId = (id: string) => (id.length > 4 ? `${id.slice(0, 1)}${'*'.repeat(id.length - 3)}${id.slice(-2)}` : '****');

/**
 * 壹拾壹 聯絡我們: the only place this flow changes state. A report becomes a ticket (the identity
 * number sealed, with its keyed hash), an acknowledgement to the given contact and, when
 * HELPDESK_EMAIL is set, a mail to the helpdesk: all queued in one transaction.
 */
export function contactService(d: { store: Store; pii: PiiVault; captcha: CaptchaService; limits: RateLimits; helpdeskEmail?: string; kickDelivery?: () => void }) {
  return {
    newCaptcha: () => d.captcha.issue(),

    /** The description a category starts with, in the person's language. */
    template: (category: Category, lang: Lang, prefill?: Prefill) => [...(prefill?.lines ?? []), text(lang, `contact.template.${category}`)].join('\n'),

    async send(input: ContactInput, context: { ip: string; userAgent?: string; lang: Lang; prefill?: Prefill }): Promise<ContactOutcome> {
      const limit = await d.limits.consume(CONTACT_PER_ADDRESS, context.ip);
      if (!limit.allowed)
        return { kind: 'form', errors: {}, error: { key: 'contact.tooMany', params: { minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) } }, retryAfterSeconds: limit.retryAfterSeconds };
      const errors: FieldErrors = {};
      const who = whoOf(input.who);
      if (!who) errors.who = { key: 'contact.whoRequired' };
      const name = validatePersonName(input.name);
      if (!name.ok) errors.name = { key: name.error, params: name.params };
      const contact = contactOf(input.contact);
      if (!contact) errors.contact = { key: 'contact.contactInvalid' };
      const description = input.description.trim();
      if (!description) errors.description = { key: 'contact.descriptionRequired' };
      if (!(await d.captcha.check(input.captcha_id, input.captcha))) errors.captcha = { key: 'contact.captchaWrong' };
      if (!who || !name.ok || !contact || !description || errors.captcha) return { kind: 'form', errors, error: { key: 'contact.fixFields' } };

      const category = input.category;
      // What the other flow knew reaches the helpdesk even when the person rewrote the description.
      const known = (context.prefill?.lines ?? []).filter((line) => !description.includes(line));
      const fullDescription = [description, ...known].join('\n');
      const idNumber = who.kind === 'id' ? who.idNumber : undefined;
      const zh = (key: string, params?: Record<string, string | number>) => text('zh-TW', key, params);
      const idHash = idNumber && d.pii.idHash(idNumber);
      const place = (context.prefill?.detail.registration as { place?: { school?: string; county?: string } } | undefined)?.place;
      const id = await d.store.transaction(async (repos) => {
        const subject = await ticketSubject(repos, { username: who.kind === 'account' ? who.username : undefined, idHash }, place);
        const ticket = await repos.tickets.create({
          ...subject,
          category,
          name: name.value,
          contact: contact.to,
          contactChannel: contact.channel,
          idSealed: idNumber && d.pii.seal(idNumber),
          idHash,
          accountName: who.kind === 'account' ? who.username : undefined,
          lang: context.lang,
          description: fullDescription,
          detail: { flow: 'contact', ...context.prefill?.detail },
        });
        const label = text(context.lang, `contact.category.${category}`);
        await repos.outbox.enqueue(
          contact.channel === 'email'
            ? { channel: 'email', to: contact.to, subject: text(context.lang, 'contact.ack.subject', { id: ticket }), text: text(context.lang, 'contact.ack.text', { id: ticket, category: label }) }
            : { channel: 'sms', to: contact.to, text: text(context.lang, 'contact.ack.sms', { id: ticket }) },
        );
        if (d.helpdeskEmail) {
          // The helpdesk reads zh-TW; the identity number stays sealed in the ticket.
          const whoText = who.kind === 'account' ? who.username : zh('contact.helpdesk.sealedId', { masked: maskId(who.idNumber) });
          const body = zh('contact.helpdesk.text', { id: ticket, category: zh(`contact.category.${category}`), who: whoText, name: name.value, contact: contact.to, description: fullDescription });
          await repos.outbox.enqueue({ channel: 'email', to: d.helpdeskEmail, subject: zh('contact.helpdesk.subject', { id: ticket, category: zh(`contact.category.${category}`) }), text: body });
        }
        await repos.audit.record({ type: 'helpdesk.ticket', ip: context.ip, userAgent: context.userAgent, detail: { ticket, category } });
        return ticket;
      });
      d.kickDelivery?.();
      return { kind: 'sent', id };
    },
  };
}
export type ContactService = ReturnType<typeof contactService>;
