import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const MAIN = resolve(import.meta.dirname, "../main.ts");
const children = new Set<ChildProcess>();

/** For afterAll: no server outlives its test file, whatever failed. */
export function killAll(): void {
  for (const child of children) child.kill("SIGKILL");
}

export interface Running {
  proc: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `src/server/main.ts` as `npm start` does (or through `npm start` itself, `viaNpm`), on a
 * free port; resolves once it is ready.
 */
export function spawnServer(env: Record<string, string>, { viaNpm = false } = {}): Promise<Running> {
  return new Promise((ok, fail) => {
    const options = {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
    };
    const proc = viaNpm
      ? spawn("npm", ["start", "--silent"], { ...options, cwd: resolve(MAIN, "../../..") })
      : spawn(process.execPath, ["--import", "tsx", MAIN], options);
    children.add(proc);
    proc.on("exit", () => children.delete(proc));
    let out = "";
    const exited = new Promise<number | null>((done) => proc.on("exit", (code) => done(code)));
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Ready: (http:\/\/[\d.:]+)\/ /.exec(out);
      if (m?.[1]) ok({ proc, url: m[1], output: () => out, exited });
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    void exited.then((code) => fail(new ServerExit(code, out)));
  });
}

export class ServerExit extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`server exited with ${code}: ${output}`);
  }
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export async function expectRefusal(env: Record<string, string>): Promise<ServerExit> {
  try {
    const running = await spawnServer(env);
    running.proc.kill("SIGKILL");
    throw new Error("the server started but should have refused");
  } catch (err) {
    if (err instanceof ServerExit) return err;
    throw err;
  }
}
