import { Type } from "@sinclair/typebox";
import { principalOf } from "../../../platform/auth/index.ts";
import { Paged, PageQuery } from "../../../platform/http/paging.ts";
import { type App, Enum, IdParams, Nullable, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { SUGGESTION_STATUSES } from "../tables.ts";
import { answerSuggestion, listSuggestions, makeSuggestion, mySuggestions } from "./suggestions.ts";

const tags = ["engagement"];
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const Answer = Type.Object({ answer: Text(500) }, { additionalProperties: false });
const Moved = Type.Object({ id: Uuid, status: Enum(SUGGESTION_STATUSES) });
const Suggestion = Type.Object({
  id: Uuid,
  memberId: Uuid,
  memberName: Type.String(),
  text: Type.String(),
  status: Enum(SUGGESTION_STATUSES),
  answer: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

/** 提出一条意见建议: members suggest, the community answers; an adopted one lands in the record. */
export function suggestionRoutes(app: App, { db }: ModuleContext) {
  app.post(
    "/engagement/suggestions",
    {
      config: { access: { permission: "engagement.serve" } },
      schema: {
        tags,
        summary: "A member makes a suggestion to the community where he serves",
        body: Type.Object({ text: Text(1000) }, { additionalProperties: false }),
        response: responses({ 201: Moved }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await makeSuggestion(db, principalOf(req), req.actor, req.body.text)),
  );

  app.get(
    "/engagement/suggestions",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Suggestions, newest first: mine=1 the caller's own with answers; else the community's scope",
        querystring: Type.Object(
          {
            mine: Type.Optional(Enum(["1", "true"] as const)),
            status: Type.Optional(Enum(SUGGESTION_STATUSES)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Paged(Suggestion) }),
      },
    },
    (req) => {
      const { mine, ...filter } = req.query;
      return (mine ? mySuggestions : listSuggestions)(db, principalOf(req), filter);
    },
  );

  for (const action of ["adopt", "decline"] as const)
    app.post(
      `/engagement/suggestions/:id/${action}`,
      {
        config: { access: { permission: "engagement.manage" } },
        schema: {
          tags,
          summary:
            action === "adopt"
              ? "Adopt a pending suggestion with an answer: it lands in the member's record"
              : "Decline a pending suggestion, saying why",
          params: IdParams,
          body: Answer,
          response: responses({ 200: Moved }),
        },
      },
      (req) =>
        answerSuggestion(db, principalOf(req), req.actor, req.params.id, {
          adopt: action === "adopt",
          answer: req.body.answer,
        }),
    );
}
