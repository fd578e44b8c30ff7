export { DELIVERY_JOB, defineEventDelivery, deliverEvents } from "./delivery.ts";
export {
  consumeEvents,
  type DomainEvent,
  recordEvent,
  recordEvents,
  type StoredEvent,
} from "./events.ts";
export { domainEvents } from "./tables.ts";
