import { birthDateForAge } from "./dates.ts";
import type { Identifiers } from "./identifiers.ts";
import { givenName, surname } from "./names.ts";
import type { Rng } from "./random.ts";
import type { Household, Territory } from "./territory.ts";
import type { DemoResident, Relation, ResidenceType } from "./types.ts";
import { DISTRICT, JIANGXI_REGIONS, OTHER_REGIONS } from "./vocabulary.ts";

type Gender = "male" | "female";

/** A resident with what later steps need to know about them. */
export interface Person {
  resident: DemoResident;
  age: number;
  household: Household;
}

interface Member {
  relation: Relation;
  gender: Gender;
  age: number;
  surname: string;
  given?: string;
  phone?: string;
}

/** The demo resident account's household: 孙秀英 and her husband (CONTRACT.md). */
export interface AccountHousehold {
  household: Household;
  phone: string;
}

// 1–5 people, about 2.5 on average.
const SIZES = { 1: 22, 2: 31, 3: 26, 4: 14, 5: 7 };
/** Who lives with the head, by household size. */
const SHAPES: Record<number, Record<string, number>> = {
  2: { spouse: 70, child: 20, parent: 10 },
  3: { "spouse child": 75, "spouse parent": 15, "child child": 10 },
  4: { "spouse child child": 55, "spouse child parent": 35, "spouse child grandchild": 10 },
  5: {
    "spouse child child parent": 45,
    "spouse child parent parent": 35,
    "spouse child other grandchild": 20,
  },
};
const RESIDENCE: Record<ResidenceType, number> = { registered: 58, resident: 30, floating: 12 };

const opposite = (g: Gender): Gender => (g === "male" ? "female" : "male");
const someGender = (rng: Rng, male = 0.5): Gender => (rng.chance(male) ? "male" : "female");

/** The head's age range leaves room for the grandchildren, parents or children living with them. */
function headAges(has: (r: Relation) => boolean): [number, number] {
  if (has("grandchild")) return [52, 78];
  if (has("parent")) return [25, 62];
  if (has("child")) return [24, 68];
  return [22, 88];
}

/** Fills every household with a family and returns everyone, household by household. */
export function populate(
  rng: Rng,
  ids: Identifiers,
  territory: Territory,
  account: AccountHousehold,
): Person[] {
  const people: Person[] = [];
  for (const grid of territory.grids) {
    for (const household of grid.households) {
      const isAccount = household === account.household;
      const residenceType: ResidenceType = isAccount ? "registered" : rng.weightedKey(RESIDENCE);
      const home = homeRegion(rng, residenceType);
      const members = isAccount ? accountFamily(rng, account.phone) : family(rng);
      for (const m of members) {
        const birthDate = birthDateForAge(rng, m.age);
        const region = m.relation === "spouse" && rng.chance(0.2) ? homeRegion(rng, residenceType) : home;
        const resident: DemoResident = {
          key: `R${String(people.length + 1).padStart(6, "0")}`,
          householdKey: household.node.key,
          name: m.surname + (m.given ?? givenName(rng, m.gender, Number(birthDate.slice(0, 4)))),
          gender: m.gender,
          birthDate,
          idNumber: ids.idNumber(region, birthDate, m.gender),
          phone: m.phone ?? (m.age >= 18 ? ids.phone() : null),
          relation: m.relation,
          residenceType,
        };
        household.residents.push(resident);
        people.push({ resident, age: m.age, household });
      }
    }
  }
  return people;
}

/** The region code in the ID number: mostly this district; newcomers from elsewhere in Jiangxi or beyond. */
function homeRegion(rng: Rng, type: ResidenceType): string {
  const local = type === "registered" ? 0.92 : type === "resident" ? 0.45 : 0;
  if (rng.chance(local)) return DISTRICT.code;
  return type === "floating" && rng.chance(0.6) ? rng.pick(OTHER_REGIONS) : rng.pick(JIANGXI_REGIONS);
}

function accountFamily(rng: Rng, phone: string): Member[] {
  return [
    { relation: "head", gender: "female", age: 63, surname: "孙", given: "秀英", phone },
    { relation: "spouse", gender: "male", age: 66, surname: surname(rng) },
  ];
}

/** A plausible family: ages, genders and surnames that fit each member's relation to the head. */
function family(rng: Rng): Member[] {
  const size = rng.weightedNumber(SIZES);
  if (size === 1) {
    const age = rng.chance(0.5) ? rng.int(20, 45) : rng.int(60, 92);
    return [{ relation: "head", gender: someGender(rng), age, surname: surname(rng) }];
  }
  const others = rng.weightedKey(SHAPES[size] ?? {}).split(" ") as Relation[];
  const has = (r: Relation) => others.includes(r);
  const [min, max] = headAges(has);
  const gender = someGender(rng, has("spouse") ? 0.8 : 0.5);
  const head: Member = { relation: "head", gender, age: rng.int(min, max), surname: surname(rng) };
  const members = [head];
  let spouse: Member | undefined;
  if (has("spouse")) {
    const gap = rng.int(-2, 5);
    const age = Math.max(20, head.gender === "male" ? head.age - gap : head.age + gap);
    spouse = { relation: "spouse", gender: opposite(head.gender), age, surname: surname(rng) };
    members.push(spouse);
  }
  const familyName = spouse?.gender === "male" ? spouse.surname : head.surname;
  const younger = Math.min(head.age, spouse?.age ?? head.age);
  let child: Member | undefined;
  for (const relation of others) {
    if (relation === "child") {
      const low = has("grandchild") ? 22 : Math.max(0, younger - 40);
      child = {
        relation,
        gender: someGender(rng),
        age: rng.int(low, Math.max(low, younger - 21)),
        surname: familyName,
      };
      members.push(child);
    } else if (relation === "parent") {
      const both = others.filter((r) => r === "parent").length === 2;
      const first = !members.some((m) => m.relation === "parent");
      const gender: Gender = both ? (first ? "male" : "female") : someGender(rng, 0.35);
      // A father shares the head's surname; a mother has her own.
      const age = Math.min(98, head.age + rng.int(22, 34));
      members.push({ relation, gender, age, surname: gender === "male" ? head.surname : surname(rng) });
    } else if (relation === "other" && child) {
      // The child's spouse.
      const age = Math.max(20, child.age + rng.int(-3, 3));
      members.push({ relation, gender: opposite(child.gender), age, surname: surname(rng) });
    } else if (relation === "grandchild" && child) {
      const partner = members.find((m) => m.relation === "other");
      const parentAge = Math.min(child.age, partner?.age ?? child.age);
      const father = child.gender === "male" ? child : (partner ?? child);
      const age = rng.int(0, Math.max(0, parentAge - 21));
      members.push({ relation, gender: someGender(rng), age, surname: father.surname });
    }
  }
  return members;
}
