import { describe, expect, it } from "vitest";
import {
  idNumberBirthDate,
  idNumberGender,
  isValidIdNumber,
  isValidMobile,
  isValidUscc,
  normalizeIdNumber,
  normalizeMobile,
} from "./validators.ts";

// Check characters below were computed independently (ISO 7064 MOD 11-2 / GB 32100 MOD 31); the
// invalid examples carry a correct check character, so each fails only for the reason named.
describe("居民身份证号码", () => {
  it("accepts valid numbers, including a lowercase or full-width check character", () => {
    for (const id of [
      "11010519491231002X",
      "110101199003074477",
      "440308199901010012",
      "510104198507123454",
    ]) {
      expect(isValidIdNumber(id), id).toBe(true);
    }
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
    expect(isValidIdNumber(" １１０１０５１９４９１２３１００２Ｘ ")).toBe(true);
  });

  it("rejects a wrong check character, impossible dates, unknown provinces and bad shapes", () => {
    expect(isValidIdNumber("110101199003074478")).toBe(false); // check should be 7
    expect(isValidIdNumber("110105194912310021")).toBe(false); // check should be X
    expect(isValidIdNumber("11010119990230001X")).toBe(false); // 1999-02-30
    expect(isValidIdNumber("11010118991231001X")).toBe(false); // before 1900
    expect(isValidIdNumber("110101290001010012")).toBe(false); // in the future
    expect(isValidIdNumber("00101119900307447X")).toBe(false); // province 00
    expect(isValidIdNumber("11010519491231002")).toBe(false); // 17 characters
    expect(isValidIdNumber("1101051949123100AX")).toBe(false); // letters
    expect(isValidIdNumber("")).toBe(false);
  });

  it("normalizes width, case and spaces", () => {
    expect(normalizeIdNumber(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(normalizeIdNumber("１１０１０５１９４９１２３１００２ｘ")).toBe("11010519491231002X");
  });

  it("reads the birth date and gender", () => {
    expect(idNumberBirthDate("11010519491231002X")).toBe("1949-12-31");
    expect(idNumberGender("11010519491231002X")).toBe("female");
    expect(idNumberBirthDate("110101199003074477")).toBe("1990-03-07");
    expect(idNumberGender("110101199003074477")).toBe("male");
    expect(() => idNumberGender("110101199003074478")).toThrow();
  });
});

describe("mobile numbers", () => {
  it("accepts mainland mobiles with optional +86, spaces and dashes", () => {
    for (const m of [
      "13800000001",
      "+86 138 0000 0001",
      "19912345678",
      "86-138-0000-0001",
      "+8613800000001",
    ]) {
      expect(isValidMobile(m), m).toBe(true);
    }
    expect(normalizeMobile("+86 138 0000 0001")).toBe("13800000001");
  });

  it("rejects other numbers", () => {
    for (const m of ["12345678901", "1380000000", "23800000001", "138000000012", "+85 13800000001", ""]) {
      expect(isValidMobile(m), m).toBe(false);
    }
    expect(normalizeMobile("010-12345678")).toBeNull();
  });
});

describe("统一社会信用代码", () => {
  it("accepts valid codes, also in lowercase", () => {
    for (const c of [
      "91350100M000100Y43",
      "91110000600037341L",
      "91310000MA1FL1MMXL",
      "91440300708461136T",
    ]) {
      expect(isValidUscc(c), c).toBe(true);
    }
    expect(isValidUscc("91310000ma1fl1mmxl")).toBe(true);
  });

  it("rejects a wrong check character, forbidden letters, bad authority or division, wrong length", () => {
    expect(isValidUscc("91350100M000100Y44")).toBe(false); // check should be 3
    expect(isValidUscc("911100001000079343")).toBe(false); // check should be Y
    for (const letter of ["I", "O", "Z", "S", "V"]) {
      expect(isValidUscc(`91350100M${letter}00100Y43`), letter).toBe(false);
    }
    expect(isValidUscc("B1350100M000100Y41")).toBe(false); // no authority B
    expect(isValidUscc("9135A100M000100Y4Y")).toBe(false); // division code not digits
    expect(isValidUscc("91350100M000100Y4")).toBe(false);
    expect(isValidUscc("91350100M000100Y433")).toBe(false);
  });
});
