import type { EventConsumer } from "../../../platform/module/index.ts";

/** The outbox consumers that credit points by the rules whose trigger is another module's event. */
export const pointsConsumers: EventConsumer[] = [];
