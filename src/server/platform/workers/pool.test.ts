import { afterAll, describe, expect, it } from "vitest";
import type * as tasks from "./pool.fixture.ts";
import { asBuffer, closeWorkers, inWorker } from "./pool.ts";

const run = inWorker<typeof tasks>(new URL("./pool.fixture.ts", import.meta.url));
afterAll(() => closeWorkers());

describe("the worker pool", () => {
  it("runs a task off the event loop, which keeps answering meanwhile", async () => {
    await run("spin", 1); // a warm thread: the measurement below is the task, not tsx starting
    const task = run("spin", 1500);
    const ticks: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      ticks.push(now - last);
      last = now;
    }, 10);
    const bytes = asBuffer(await task);
    clearInterval(timer);
    expect(bytes.length).toBe(1500);
    expect(bytes.every((b) => b === 7)).toBe(true);
    // On the event loop the timer would have stood still for 1.5 s.
    expect(ticks.length).toBeGreaterThan(20);
    expect(Math.max(...ticks)).toBeLessThan(500);
  });

  it("hands a task's failure back to the caller with its message", async () => {
    await expect(run("fail", "图表绘制失败")).rejects.toThrow("图表绘制失败");
  });
});
