import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH, newRedemptionCode, normaliseCode } from "./code.ts";
import { canMove, REDEMPTION_MOVES } from "./flow.ts";

describe("pick-up codes", () => {
  it("are eight characters without look-alikes, and differ", () => {
    const codes = new Set(Array.from({ length: 1000 }, newRedemptionCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
  });

  it("reads a typed code whatever its case, spaces and dashes; refuses what cannot be one", () => {
    expect(normaliseCode(" ac3d-79fx ")).toBe("AC3D79FX");
    expect(normaliseCode("AC3D79F")).toBeNull();
    expect(normaliseCode("AC3D79F0")).toBeNull();
  });
});

describe("redemption flow", () => {
  it("delivers or cancels only what is reserved", () => {
    expect(canMove("reserved", "delivered")).toBe(true);
    expect(canMove("reserved", "cancelled")).toBe(true);
    expect(canMove("delivered", "cancelled")).toBe(false);
    expect(canMove("cancelled", "delivered")).toBe(false);
    expect(REDEMPTION_MOVES.delivered).toEqual([]);
  });
});
