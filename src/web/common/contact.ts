import { useMutation } from "@tanstack/react-query";
import { api } from "./api.ts";

/** A case's reporter or an order's requester: the person served, reached by the one holding it. */
export interface ContactSubject {
  kind: "case" | "order";
  idOrCode: string;
}

/**
 * 查看并拨打: reveals the person's name and phone (the server logs each view with the purpose
 * 办理联系); the page then offers the number as a `tel:` link.
 */
export function useRevealContact({ kind, idOrCode }: ContactSubject) {
  return useMutation({
    mutationFn: () =>
      kind === "case"
        ? api.post("/api/v1/cases/{idOrCode}/reveal-reporter", {}, { path: { idOrCode } })
        : api.post("/api/v1/orders/{idOrCode}/reveal-requester", {}, { path: { idOrCode } }),
  });
}

/** A phone number as a `tel:` address (digits and a leading +, nothing else). */
export const telOf = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
