/** Public surface of the handoff to a person (tickets). */

export { detectHandoffRequest, type HandoffRequest, type HandoffShorthand, handoffShorthand } from './detect.js';
export { type TicketRoutesOptions, ticketRoutes } from './http/ticket-routes.js';
export { type TicketView, toTicketView } from './http/ticket-view.js';
export { InMemoryTicketStore } from './memory-ticket-store.js';
export { DEFAULT_OFFICE_HOURS, isWithinOfficeHours, type OfficeHours, parseOfficeHours } from './office-hours.js';
export { HANDOFF_ASK_PAYLOAD, handoffReplyPayload } from './payload.js';
export { createMemoryTicketStore, SqliteTicketStore } from './sqlite-ticket-store.js';
export { createTelegramStaffNotifier } from './staff-notifier.js';
export { ASK_STAFF_LABEL, ticketIdFromText } from './texts.js';
export * from './ticket.js';
export {
  type CuratedAnswerSink,
  createTicketService,
  type ReplyOptions,
  type ReplyResult,
  type StaffNotifier,
  type TicketService,
  type TicketServiceLinks,
} from './ticket-service.js';
export type { NewTicket, PendingDelivery, TicketCounts, TicketFilter, TicketStore } from './ticket-store.js';
