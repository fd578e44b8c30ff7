import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { type TSchema, Type } from "@sinclair/typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";

/** The Fastify instance every module registers its routes on, typed from TypeBox schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const Uuid = Type.String({ format: "uuid" });
export const Time = Type.String({ format: "date-time" });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** One of a fixed list of strings (the `as const` arrays next to the tables). */
export const Enum = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** CONTRACT.md's error body, for the OpenAPI document; `details` is null when there are none. */
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }),
});

/** Response map with the usual error statuses attached. */
export function responses<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, "4xx": ErrorBody };
}
