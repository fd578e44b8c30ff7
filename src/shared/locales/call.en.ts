import type { callZhCN } from "./call.zh-CN.ts";
import type { Same } from "./same.ts";

export const callEn: Same<typeof callZhCN> = {
  person: "Contact",
  reveal: "View and call",
  dial: "Call {{phone}}",
  notice: "The number is only for contacting them about this matter; every view is recorded.",
  logged: "This view is recorded, purpose: contacting the person served",
  noPhone: "No phone given",
};
