import { Type } from "@sinclair/typebox";
import { principalOf } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import type { App } from "../http/types.ts";
import { responses } from "../http/types.ts";
import { pickLocale } from "../i18n/messages.ts";
import { WORDS } from "../i18n/words.ts";
import type { Module, Todo, TodoKind } from "./index.ts";

const TodoItem = Type.Object({
  kind: Type.String({ description: "cases.receive, orders.grab, …" }),
  label: Type.String({ description: "the kind in the caller's language: 待收单, 待领单, …" }),
  count: Type.Integer({ minimum: 0 }),
  link: Type.String({ description: "the filtered list showing exactly these, a path of this site" }),
});

/**
 * GET /me/todos: what waits for the caller, for his roles. Every module of the list answers for its
 * own area (`Module.todos`), all at once; a kind that applies to his roles is listed even at zero,
 * so that his home shows what he answers for.
 */
export function todosRoutes(app: App, db: Db, modules: readonly Module[]) {
  app.get(
    "/me/todos",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["me"],
        summary: "What waits for me: a count per kind of work and the filtered list it links to",
        response: responses({ 200: Type.Object({ items: Type.Array(TodoItem) }) }),
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const words = WORDS[pickLocale(req.headers["accept-language"])].todos.kinds;
      const answers = await Promise.all(modules.map((m) => m.todos?.(db, principal) ?? none));
      // In the order the catalogue lists the kinds: the case flow's steps first, then the rest.
      const items = answers.flat().sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
      return { items: items.map((todo) => ({ ...todo, label: words[todo.kind] })) };
    },
  );
}

const none: Promise<Todo[]> = Promise.resolve([]);
const ORDER = Object.keys(WORDS["zh-CN"].todos.kinds) as TodoKind[];
