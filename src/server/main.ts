import { ConfigError, loadConfig } from "./config.ts";
import { DataDirLockedError } from "./platform/db/index.ts";
import { keyLocationWarning } from "./platform/pii/index.ts";
import { createServer } from "./server.ts";

// Imports run before this line: the time since the process began is node's own start, tsx and loading the code.
const codeLoadedMs = performance.now();

async function main() {
  const config = loadConfig();
  const mode = config.databaseUrl ? "PostgreSQL server" : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  console.log(`Starting on ${mode}…`);
  const keyWarning = keyLocationWarning({ ...config, keyFile: config.piiKeyFile });
  if (keyWarning) console.warn(keyWarning);
  // Jobs left waiting by the previous process run once the server answers, not while it starts.
  let serving = () => {};
  const workersFrom = new Promise<void>((resolve) => {
    serving = resolve;
  });
  const server = await createServer(config, {
    logger: process.env.LOG_REQUESTS === "1",
    progress: console.log,
    queue: { workersFrom },
  });

  // Handlers go in before the server says it is ready: a signal right after must still stop it cleanly.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests and jobs…`);
    const force = setTimeout(() => {
      console.error("Shutdown took longer than 20 s; exiting anyway.");
      process.exit(1);
    }, 20_000);
    force.unref();
    await server.close();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  const listenFrom = performance.now();
  await server.app.listen({ port: config.port, host: config.host });
  serving();
  const steps = [
    { step: "loading code", ms: codeLoadedMs },
    ...server.startup,
    { step: "listen", ms: performance.now() - listenFrom },
  ];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `Started in ${seconds(performance.now())}: ${steps.map((s) => `${s.step} ${seconds(s.ms)}`).join(", ")}`,
  );
  // The bound port, not the configured one: PORT=0 picks a free port (tests).
  const bound = server.app.server.address();
  const port = typeof bound === "object" && bound ? bound.port : config.port;
  for (const line of server.greeting) console.log(line);
  console.log(`Ready: http://${config.host}:${port}/  (admin /admin/, mobile /mobile/, API docs /docs)`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error("Cannot start:", err);
  }
  process.exit(1);
});
