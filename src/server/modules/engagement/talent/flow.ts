import type { MatchOutcome, SeekerStatus } from "./tables.ts";

/**
 * 就业帮扶 (P6) as tables of allowed moves. A seeker is registered, goes to a training, and ends
 * employed or closed; proposing a training moves him to training, a hire to employed. A proposal
 * (training or opening) ends attended, hired or declined. Drawn in flow.md beside this file.
 */
export const SEEKER_MOVES: Readonly<Record<SeekerStatus, readonly SeekerStatus[]>> = {
  registered: ["training", "employed", "closed"],
  training: ["employed", "closed"],
  employed: [],
  closed: [],
};

export const OUTCOME_MOVES: Readonly<Record<MatchOutcome, readonly MatchOutcome[]>> = {
  proposed: ["attended", "hired", "declined"],
  // Attending a training may end in a job, or not.
  attended: ["hired", "declined"],
  hired: [],
  declined: [],
};

export const canMove = (from: SeekerStatus, to: SeekerStatus) => SEEKER_MOVES[from].includes(to);
export const canDecide = (from: MatchOutcome, to: MatchOutcome) => OUTCOME_MOVES[from].includes(to);
