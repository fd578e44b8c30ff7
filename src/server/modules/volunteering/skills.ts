/**
 * The skills a volunteer can offer (志愿者特长). The Chinese word is what is stored: the orders
 * module matches an order category's skill word against it, and a team's speciality is one of them.
 */
export const SKILLS = [
  { code: "维修", nameEn: "Repairs" },
  { code: "陪护", nameEn: "Care and escort" },
  { code: "理发", nameEn: "Haircuts" },
  { code: "保洁", nameEn: "Cleaning" },
  { code: "跑腿", nameEn: "Errands" },
  { code: "法律", nameEn: "Legal advice" },
  { code: "医疗", nameEn: "Health care" },
  { code: "教育", nameEn: "Tutoring" },
  { code: "心理疏导", nameEn: "Counselling" },
  { code: "治安巡逻", nameEn: "Safety patrol" },
  { code: "文明劝导", nameEn: "Civility campaigns" },
  { code: "文艺", nameEn: "Arts and culture" },
] as const;

export type Skill = (typeof SKILLS)[number]["code"];
export const SKILL_CODES: readonly Skill[] = SKILLS.map((s) => s.code);

export const listSkills = () => SKILLS.map((s) => ({ code: s.code, name: s.code, nameEn: s.nameEn }));
