import { BaseSequencer, type TestSpecification } from "vitest/node";

// Files that start real server processes take 10–50 s each. Run first, they overlap the many short
// files on the other worker; run last (a clean clone has no timings to sort by), one of them alone
// would keep a worker busy after the other has finished.
const SPAWNING = /\/(startup|instances|restart|queue)\.test\.ts$/;

export class SpawningFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => SPAWNING.test(f.moduleId);
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}
