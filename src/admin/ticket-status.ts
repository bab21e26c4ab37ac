import type { TicketStatus } from '../storage/ports.ts';

/** new → in-progress → waiting → resolved; waiting goes back to in-progress when the reporter answers; a resolved ticket may be reopened. */
const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['in-progress'],
  'in-progress': ['waiting', 'resolved'],
  waiting: ['in-progress', 'resolved'],
  resolved: ['in-progress'],
};

export const nextStatuses = (from: TicketStatus): readonly TicketStatus[] => NEXT[from];
export const mayMove = (from: TicketStatus, to: TicketStatus) => NEXT[from].includes(to);
