import { Grid } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { type User, useAuth } from "../../common/auth.tsx";
import { todoTarget } from "../../common/landing.ts";
import { canSee, describeRole } from "../../common/roles.ts";
import { type Todo, useTodos } from "../../common/todos.ts";
import { HOME_ENTRIES } from "../entries.ts";

const tile = {
  width: "100%",
  border: 0,
  borderRadius: 12,
  fontSize: 17,
} as const;

/** The phone's own page for staff work the server links to the back office (inboxes, a unit's 本单位). */
function onThePhone(user: User, todo: Todo): string | undefined {
  if (["cases.receive", "cases.dispatch", "cases.dueSoon"].includes(todo.kind) && canSee(user, "gridInbox"))
    return "/cases/inbox";
  if (
    ["cases.claim", "whistles.pending", "cases.dueSoon"].includes(todo.kind) &&
    canSee(user, "departmentInbox")
  )
    return "/cases/department";
  // A unit's Saturdays and letters due: its staff keep them on 本单位.
  if (["engagement.rota", "engagement.letters"].includes(todo.kind) && canSee(user, "myUnit"))
    return "/engagement/unit";
  return undefined;
}

/** 我的待办: a tile per kind of work with its count in big figures; a tap opens exactly those. */
function Todos({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const todos = useTodos();
  const items = todos.data?.items ?? [];
  if (todos.isPending || (todos.isError && !todos.data)) return null;
  if (items.length === 0) return null;
  const open = (todo: Todo) => {
    const target = todoTarget(todo.link, "mobile", onThePhone(user, todo));
    if ("to" in target) navigate(target.to);
    else window.location.assign(target.href);
  };
  return (
    <>
      <h2 style={{ margin: "0 0 12px", fontSize: 19 }}>{t("todos.title")}</h2>
      <Grid columns={2} gap={12}>
        {items.map((todo) => (
          <Grid.Item key={todo.kind}>
            <button
              type="button"
              onClick={() => open(todo)}
              aria-label={`${todo.label} ${t("todos.count", { count: todo.count })}`}
              style={{
                ...tile,
                minHeight: 88,
                padding: "10px 12px",
                textAlign: "left",
                background: todo.count > 0 ? "#fdf2f2" : "#f5f5f5",
              }}
            >
              <div
                style={{
                  fontSize: 34,
                  lineHeight: "40px",
                  fontWeight: 600,
                  color: todo.count > 0 ? "var(--party-red)" : "var(--adm-color-weak)",
                }}
              >
                {todo.count}
              </div>
              <div>{todo.label}</div>
            </button>
          </Grid.Item>
        ))}
      </Grid>
    </>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  if (!user) return null;
  // submitCase, myCases, the wish wall and activities are everyone's: the list is never empty.
  const entries = HOME_ENTRIES.filter((entry) => canSee(user, entry.key));
  return (
    <>
      <header
        style={{
          background: "linear-gradient(160deg, var(--party-red) 0%, #a3121a 100%)",
          color: "#fff",
          padding: "40px 20px 56px",
        }}
      >
        <h1 style={{ margin: 0, fontSize: 26, fontWeight: 600 }}>
          {t("mobile.greeting", { name: user.name })}
        </h1>
        {user.roles.map((r) => (
          <div key={`${r.role}-${r.nodeId}`} style={{ marginTop: 8, fontSize: 17, opacity: 0.92 }}>
            {describeRole(t, r)}
          </div>
        ))}
      </header>
      <section style={{ margin: "-32px 16px 0", background: "#fff", borderRadius: 12, padding: 16 }}>
        <Todos user={user} />
        <h2 style={{ margin: "20px 0 12px", fontSize: 19 }}>{t("todos.quick")}</h2>
        <Grid columns={3} gap={12}>
          {entries.map((entry) => (
            <Grid.Item key={entry.path}>
              <button
                type="button"
                onClick={() => navigate(entry.path)}
                style={{ ...tile, minHeight: 96, background: "#fdf2f2" }}
              >
                <div style={{ fontSize: 32, color: "var(--party-red)" }}>{entry.icon}</div>
                {t(`nav.${entry.key}`)}
              </button>
            </Grid.Item>
          ))}
        </Grid>
      </section>
    </>
  );
}
