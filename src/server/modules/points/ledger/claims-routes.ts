import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { FileId, PhotoRef } from "../../../platform/files/index.ts";
import { exportable, listOrExport } from "../../../platform/http/export.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Time, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { activeRuleSet, rulesOf } from "../rules/active.ts";
import { RuleItem } from "../rules/schemas.ts";
import { presentRule } from "../rules/service.ts";
import { AUDIENCES, RULE_KINDS } from "../rules/tables.ts";
import { createClaim, decideClaim, listClaims } from "./claims.ts";
import { holderInScope } from "./claims-holders.ts";
import { reversePosting } from "./claims-reversal.ts";
import { claimSheet } from "./claims-sheet.ts";
import { CLAIM_STATUSES } from "./tables.ts";

const tags = ["points"];
const manage = { access: { permission: "points.manage" as const } };
const Person = Type.Object({ id: Uuid, name: Type.String() });

const ClaimItem = Type.Object({
  id: Uuid,
  audience: Enum(AUDIENCES),
  holder: Person,
  rule: Type.Object({
    id: Uuid,
    name: Type.String(),
    indicator: Nullable(Type.String()),
    kind: Enum(RULE_KINDS),
  }),
  quantity: Type.Integer(),
  points: Type.Integer(),
  note: Type.String(),
  evidence: Type.Array(PhotoRef),
  status: Enum(CLAIM_STATUSES),
  happenedOn: Type.String(),
  submittedBy: Person,
  decidedBy: Nullable(Person),
  decidedAt: Nullable(Time),
  reason: Nullable(Type.String()),
  postingId: Nullable(Type.Integer()),
  /** The caller holds the rule's approver role here and did not enter it himself. */
  canDecide: Type.Boolean(),
  createdAt: Time,
});

const Decided = Type.Object({ id: Uuid, status: Enum(CLAIM_STATUSES), posted: Type.Integer() });

/** 积分申报/认定 (S1): manual entries, approved by the 积分制管理小组 (four eyes); reversals. */
export function claimRoutes(app: App, { db }: ModuleContext) {
  app.get(
    "/points/claim-rules",
    {
      config: manage,
      schema: {
        tags,
        summary: "The manual rules of the rules now governing a holder in scope (the claim form's choices)",
        querystring: Type.Object(
          { audience: Enum(AUDIENCES), holderId: Uuid },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(RuleItem) }) }),
      },
    },
    async (req) => {
      const holder = await holderInScope(db, principalOf(req), req.query.audience, req.query.holderId);
      const set = await activeRuleSet(db, holder.audience, holder.territoryPath);
      const rules = set ? await rulesOf(db, set.id) : [];
      return { items: rules.filter((r) => r.trigger === "manual" && r.kind !== "base").map(presentRule) };
    },
  );

  app.post(
    "/points/claims",
    {
      config: manage,
      schema: {
        tags,
        summary: "Enter a deed (or a deduction, or a veto) for a holder in scope: it waits for approval",
        body: Type.Object(
          {
            audience: Enum(AUDIENCES),
            holderId: Uuid,
            ruleId: Uuid,
            quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            note: Type.Optional(Type.String({ maxLength: 500 })),
            evidence: Type.Optional(Type.Array(FileId, { maxItems: 9 })),
            happenedOn: Type.String({ format: "date" }),
          },
          { additionalProperties: false },
        ),
        response: responses({
          201: Type.Object({ id: Uuid, status: Type.Literal("pending"), points: Type.Integer() }),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createClaim(db, principalOf(req), req.actor, req.body)),
  );

  app.get(
    "/points/claims",
    {
      config: manage,
      schema: exportable({
        tags,
        summary: "The claims of the caller's scope, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Enum(CLAIM_STATUSES)),
            audience: Type.Optional(Enum(AUDIENCES)),
            decidable: Type.Optional(
              Type.Boolean({ description: "only the pending claims the caller may decide (his to-do)" }),
            ),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(ClaimItem) }),
      }),
    },
    (req, reply) => {
      const principal = principalOf(req);
      return listOrExport(req, reply, claimSheet, (paging) =>
        listClaims(db, principal, { ...req.query, ...paging }),
      );
    },
  );

  app.post(
    "/points/claims/:id/approve",
    {
      config: manage,
      schema: {
        tags,
        summary: "Approve a claim: its points are posted (within the rule's cap); a veto zeroes the score",
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { reason: Type.Optional(Type.String({ maxLength: 500 })) },
            { additionalProperties: false },
          ),
        ),
        response: responses({ 200: Decided }),
      },
    },
    (req) =>
      decideClaim(db, principalOf(req), req.actor, req.params.id, {
        approve: true,
        reason: req.body?.reason,
      }),
  );

  app.post(
    "/points/claims/:id/reject",
    {
      config: manage,
      schema: {
        tags,
        summary: "Reject a claim with the reason the holder is told",
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Decided }),
      },
    },
    (req) =>
      decideClaim(db, principalOf(req), req.actor, req.params.id, {
        approve: false,
        reason: req.body.reason,
      }),
  );

  app.post(
    "/points/postings/:id/reverse",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Undo a posting made in error by the opposite posting (once; not a redemption or a reversal)",
        params: Type.Object(
          { id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) },
          { additionalProperties: false },
        ),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: responses({
          201: Type.Object({ id: Type.Integer(), reversesId: Type.Integer(), amount: Type.Integer() }),
        }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await reversePosting(db, principalOf(req), req.actor, req.params.id, req.body.reason)),
  );
}
