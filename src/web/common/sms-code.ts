import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "./api.ts";
import { useAuth } from "./auth.tsx";
import { isStrongPassword, isValidMobile } from "./identifiers.ts";

/** The server sends one code a minute to a phone: the button waits as long. */
export const RESEND_SECONDS = 60;
export const CODE_PATTERN = /^\d{6}$/;

/** Why a call failed, in the server's words (or "no network"). */
export const failureText = (error: unknown, network: string): string =>
  error instanceof ApiError ? error.message : network;

/**
 * 获取验证码 with its 60-second countdown: `send(phone)` texts a code, after which the button
 * says how long until it can send again.
 */
export function useSmsCode(purpose: "login" | "reset" = "login") {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  const sending = useMutation({
    mutationFn: (phone: string) => api.post("/api/v1/auth/sms/send", { phone, purpose }),
    onSuccess: () => setSeconds(RESEND_SECONDS),
  });
  return {
    send: (phone: string) => sending.mutateAsync(phone),
    sending: sending.isPending,
    /** Seconds until another code may be asked for; 0 when it may. */
    seconds,
    sent: sending.isSuccess,
    error: sending.error,
  };
}

/** Signs in with a texted code (a new phone becomes a resident account) and takes up the session. */
export function useSmsLogin() {
  const { adopt } = useAuth();
  return useMutation({
    mutationFn: async (v: { phone: string; code: string }) =>
      (await api.post("/api/v1/auth/sms/login", { phone: v.phone.trim(), code: v.code.trim() })).user,
    onSuccess: adopt,
  });
}

/** The form rules of phones, codes and new passwords, in the reader's language. */
export function useAuthRules() {
  const { t } = useTranslation();
  const check = (ok: (v: string) => boolean, message: string) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (value && !ok(value)) throw new Error(message);
    },
  });
  return {
    phone: check(isValidMobile, t("validation.phoneInvalid")),
    code: check((v) => CODE_PATTERN.test(v.trim()), t("accounts.sms.codeInvalid")),
    strong: check(isStrongPassword, t("accounts.password.weak")),
  };
}
