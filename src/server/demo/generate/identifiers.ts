import { idNumberCheckChar } from "../../platform/pii/index.ts";
import type { Rng } from "./random.ts";
import { words } from "./vocabulary.ts";

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
// Mainland mobile prefixes (GSM, CDMA and the newer 16x/17x/19x ranges).
const MOBILE_PREFIXES = words(`
  130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159
  166 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199
`);
/** The demo accounts' phones (CONTRACT.md): never drawn at random, only claimed by accountPhone(). */
const DEMO_ACCOUNT_PHONES = Array.from(
  { length: 10 },
  (_, i) => `138000000${String(i + 1).padStart(2, "0")}`,
);

function digits(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** Hands out fictional ID numbers, phones and credit codes that are valid and never repeat. */
export class Identifiers {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>(DEMO_ACCOUNT_PHONES);
  private readonly usccs = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly divisionCode: string,
  ) {}

  /** GB 11643: region, birth date, sequence (odd = male) and MOD 11-2 check character. */
  idNumber(region: string, birthDate: string, gender: "male" | "female"): string {
    const body = region + birthDate.replaceAll("-", "");
    for (;;) {
      const seq = this.rng.int(0, 499) * 2 + (gender === "male" ? 1 : 0);
      const head = body + String(seq).padStart(3, "0");
      const id = head + idNumberCheckChar(head);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  phone(): string {
    for (;;) {
      const phone = this.rng.pick(MOBILE_PREFIXES) + digits(this.rng, 8);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** A demo account's own number, for the one record that stands for that account. */
  accountPhone(phone: string): string {
    if (!DEMO_ACCOUNT_PHONES.includes(phone)) throw new Error(`${phone} is not a demo account phone`);
    return phone;
  }

  /**
   * GB 32100: registration authority and type (e.g. "11" 机关, "12" 事业单位, "91" company, "92" sole
   * trader), the division code, a GB 11714 organisation code and the MOD 31 check character.
   */
  uscc(authorityAndType: string): string {
    for (;;) {
      const code = authorityAndType + this.divisionCode + this.organisationCode();
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i] ?? "") * (USCC_WEIGHTS[i] ?? 0);
      const uscc = code + USCC_CHARS[(31 - (sum % 31)) % 31];
      if (!this.usccs.has(uscc)) {
        this.usccs.add(uscc);
        return uscc;
      }
    }
  }

  private organisationCode(): string {
    const body = digits(this.rng, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (ORG_CODE_WEIGHTS[i] ?? 0);
    const check = 11 - (sum % 11);
    return body + (check === 10 ? "X" : check === 11 ? "0" : String(check));
  }
}
