/** 办理联系: the one who holds a case or an order reveals the served person's phone and calls him. */
export const callZhCN = {
  person: "联系人",
  reveal: "查看并拨打",
  dial: "拨打 {{phone}}",
  notice: "号码仅限办理联系使用，每次查看都会记录。",
  logged: "本次查看已记录，用途：办理联系",
  noPhone: "未留电话",
};
