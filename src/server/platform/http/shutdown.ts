import type { FastifyInstance } from "fastify";

/**
 * Graceful close: requests already being handled finish, and their keep-alive connections are
 * closed after the answer, so closing does not wait for idle clients' keep-alive timeouts.
 */
export function installGracefulClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
}
