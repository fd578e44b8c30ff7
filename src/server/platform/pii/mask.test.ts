import { describe, expect, it } from "vitest";
import { maskAddress, maskIdNumber, maskName, maskPhone } from "./mask.ts";

describe("masking", () => {
  it("masks ID numbers: first 4, 10 stars, last 4", () => {
    expect(maskIdNumber("360781199001011234")).toBe("3607**********1234");
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
