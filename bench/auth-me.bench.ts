import { benchServer, listenLocal, load, writeResult } from "./lib.ts";

/** Authenticated GET /api/v1/auth/me at concurrency 50, against a bare route in the same process and run. */
export async function benchAuthMe(): Promise<void> {
  const { server, dispose } = await benchServer();
  try {
    server.app.get("/bench/bare", { config: { access: "public" } }, async () => ({ ok: true }));
    const base = await listenLocal(server);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "13800000003", password: "demo12345" }),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);

    const opts = { connections: 50, seconds: 10 };
    await load(`${base}/bench/bare`, { ...opts, seconds: 2 }); // warm-up
    const bare = await load(`${base}/bench/bare`, opts);
    const me = await load(`${base}/api/v1/auth/me`, { ...opts, headers: { cookie } });
    if (me.non2xx > 0 || me.errors > 0)
      throw new Error(`auth/me answered ${me.non2xx} non-2xx and ${me.errors} errors`);
    const ratio = me.requestsPerSecond / bare.requestsPerSecond;
    console.log(`auth/me on ${server.database.kind}, concurrency 50, 10 s each`);
    console.log(
      `  bare route         ${bare.requestsPerSecond} req/s  p50 ${bare.latencyP50Ms} ms  p99 ${bare.latencyP99Ms} ms`,
    );
    console.log(
      `  GET /api/v1/auth/me ${me.requestsPerSecond} req/s  p50 ${me.latencyP50Ms} ms  p99 ${me.latencyP99Ms} ms`,
    );
    console.log(`  ratio auth/me : bare = ${ratio.toFixed(3)}`);
    writeResult(`auth-me-${server.database.kind}`, {
      concurrency: 50,
      seconds: 10,
      bare,
      authMe: me,
      ratio: Number(ratio.toFixed(3)),
    });
  } finally {
    await dispose();
  }
}
