import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, Nullable, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { CASE_STATUSES } from "../flow.ts";
import { deviceSheet } from "../sheets.ts";
import {
  CALL_KINDS,
  deviceCall,
  deviceSecretOf,
  listDevices,
  registerDevice,
  renameDevice,
  retireDevice,
} from "./service.ts";

const tags = ["devices"];
const manager = { access: { permission: "devices.manage" as const } };
const Time = Type.String({ format: "date-time" });
/** The serial printed on the device. */
const DeviceId = Type.String({ minLength: 4, maxLength: 40, pattern: "^[A-Za-z0-9-]+$" });
const Called = Type.Object({
  code: Type.String(),
  status: Enum(CASE_STATUSES),
  orderCode: Type.Optional(Type.String({ description: "the order published from the call (orderCategory)" })),
});

/**
 * 一键通 devices: staff register them to a household; the device itself calls in with its secret.
 * A call's case is published as an order through the `publishCall` hook (the orders module's).
 */
export function deviceRoutes(app: App, { db, hooks }: ModuleContext) {
  app.post(
    "/devices",
    {
      config: manager,
      schema: {
        tags,
        summary: "Register a one-key call device to a household; the answer shows its secret, once",
        body: Type.Object(
          { deviceId: DeviceId, householdId: Uuid, label: Type.String({ minLength: 1, maxLength: 50 }) },
          { additionalProperties: false },
        ),
        response: responses({
          201: Type.Object({
            deviceId: Type.String(),
            householdId: Uuid,
            secret: Type.String({ description: "shown only now; the server keeps its hash" }),
          }),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerDevice(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/devices",
    {
      config: manager,
      schema: exportable({
        tags,
        summary: "Devices in scope, optionally of one household (never their secrets)",
        querystring: Type.Object(
          { householdId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: responses({
          200: Paged(
            Type.Object({
              deviceId: Type.String(),
              householdId: Uuid,
              label: Type.String(),
              address: Nullable(Type.String({ description: "the household's address" })),
              createdAt: Time,
              lastCallAt: Nullable(Time),
            }),
          ),
        }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, deviceSheet, (paging) =>
        listDevices(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.patch(
    "/devices/:deviceId",
    {
      config: manager,
      schema: {
        tags,
        summary: "Rename a device (its label); the secret stays",
        params: Type.Object({ deviceId: DeviceId }, { additionalProperties: false }),
        body: Type.Object(
          { label: Type.String({ minLength: 1, maxLength: 50 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ deviceId: Type.String(), label: Type.String() }) }),
      },
    },
    (req) => renameDevice(db, principalOf(req), req.actor, req.params.deviceId, req.body.label),
  );

  app.delete(
    "/devices/:deviceId",
    {
      config: manager,
      schema: {
        tags,
        summary: "Retire a device: its calls are refused from now on; its cases stay",
        params: Type.Object({ deviceId: DeviceId }, { additionalProperties: false }),
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await retireDevice(db, principalOf(req), req.actor, req.params.deviceId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/devices/:deviceId/calls",
    {
      // The device is not a user: it proves itself with its own secret, checked in the handler.
      config: { access: "public" },
      // A device may post no body at all.
      preValidation: async (req) => {
        req.body ??= {};
      },
      schema: {
        tags,
        summary:
          "A one-key call from a device (Authorization: Device <secret>, or X-Device-Secret): a case in its household's grid",
        params: Type.Object({ deviceId: DeviceId }, { additionalProperties: false }),
        body: Type.Object(
          {
            kind: Type.Optional(Enum(CALL_KINDS)),
            callId: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 64,
                pattern: "^[A-Za-z0-9_.:-]+$",
                description: "the device's own id for this call: a retry with it makes no second case",
              }),
            ),
            orderCategory: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 40,
                pattern: "^[A-Za-z]+$",
                description:
                  "西湖五单: also publish the case at once as an order of this service category (GET /orders/categories)",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Called, 201: Called }),
      },
    },
    async (req, reply) => {
      const secret = deviceSecretOf(req.headers);
      const done = await deviceCall(db, req.params.deviceId, secret, req.body, req.ip, hooks.publishCall);
      return reply
        .status(done.replay ? 200 : 201)
        .send({ code: done.code, status: done.status, orderCode: done.orderCode });
    },
  );
}
