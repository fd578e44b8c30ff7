export { asBuffer, closeWorkers, inWorker, transfer } from "./pool.ts";
