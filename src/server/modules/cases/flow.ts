// The table lives in src/shared, where the pages draw their buttons from the same one (flow.md).
export * from "../../../shared/flows/cases.ts";
