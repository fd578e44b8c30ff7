import { describe, expect, it } from "vitest";
import { maskAddress, maskIdNumber, maskName, maskPhone } from "./masks.ts";
import { idNumberCheckChar } from "./validators.ts";

/** A demo-like number: the demo district (360799), born 1959-10-22, a woman (even 17th digit). */
const body = "36079919591022824";
const ID = body + idNumberCheckChar(body);

const digitsFor = (shown: string): string[] =>
  Array.from(shown).reduce<string[]>(
    (heads, c) => heads.flatMap((h) => (c === "*" ? [..."0123456789"].map((d) => h + d) : [h + c])),
    [""],
  );

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10).replaceAll("-", ""));
  return days;
}

/**
 * How many valid numbers fit a masked number and what else is shown beside it: the gender, the
 * possible birth dates, and the county when the address gives it away.
 */
function candidates(
  masked: string,
  known: { gender: "male" | "female"; births: string[]; county?: string },
): number {
  const fits = (value: string, shown: string) =>
    Array.from(shown).every((c, i) => c === "*" || c === value[i]);
  const counties = known.county ? [known.county] : digitsFor(masked.slice(0, 6));
  const births = known.births.filter((b) => fits(b, masked.slice(6, 14)));
  const sequences = digitsFor(masked.slice(14, 17)).filter(
    (s) => Number(s[2]) % 2 === (known.gender === "male" ? 1 : 0),
  );
  let n = 0;
  for (const county of counties.filter((c) => fits(c, masked.slice(0, 6))))
    for (const birth of births)
      for (const sequence of sequences) {
        const check = idNumberCheckChar(county + birth + sequence);
        if (masked[17] === "*" || masked[17] === check) n++;
      }
  return n;
}

describe("masking", () => {
  it("masks ID numbers to the province and the last two characters", () => {
    expect(maskIdNumber("360781199001011234")).toBe("36**************34");
    expect(maskIdNumber(ID)).toMatch(/^36\*{14}\d{2}$/);
    // A mask stored under the older rule (four and four) comes out under this one.
    expect(maskIdNumber("3607**********1234")).toBe("36**************34");
  });

  it("leaves hundreds of numbers beside the birth date and gender, thousands beside age and address", () => {
    const masked = maskIdNumber(ID);
    const born = ["19591022"];
    // The birth date and gender known, the county not: its four digits and two sequence digits stay hidden.
    expect(candidates(masked, { gender: "female", births: born })).toBeGreaterThanOrEqual(100);
    // What the pages show: the age (born within a year), the gender, and the address, which gives
    // away the county for most residents.
    const aged = daysBetween("1958-10-23", "1959-10-22");
    expect(candidates(masked, { gender: "female", births: aged, county: "360799" })).toBeGreaterThanOrEqual(
      1000,
    );
    // Why masked views show the age and never the birth date: with the county too, few would be left.
    const all = candidates(masked, { gender: "female", births: born, county: "360799" });
    expect([all > 0, all < 20]).toEqual([true, true]);
  });

  it("masks phone numbers: first 3, 4 stars, last 4", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
    expect(maskPhone("+86 138-0000-0001")).toBe("138****0001");
  });

  it("keeps only the first character of a name", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
  });

  it("keeps the first 6 characters of an address", () => {
    expect(maskAddress("北京市东城区东华门街道1号")).toBe("北京市东城区****");
    expect(maskAddress("东城区")).toBe("东城****");
  });

  it("turns null and undefined into null", () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
    expect(maskName(null)).toBeNull();
    expect(maskAddress(undefined)).toBeNull();
  });
});
