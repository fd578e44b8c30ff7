/** 13800000007 → 138****0007: enough for the owner to recognise, not enough to reuse. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
