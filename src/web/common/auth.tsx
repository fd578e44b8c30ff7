import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, type BodyOf, type ResponseOf } from "./api.ts";
import { isValidMobile } from "./identifiers.ts";
import { ME_KEY } from "./query.ts";

export type User = ResponseOf<"/api/v1/auth/me", "get">["user"];
export type Credentials = BodyOf<"/api/v1/auth/login", "post">;

interface Auth {
  /** undefined while the first /auth/me is in flight; null when logged out. */
  user: User | null | undefined;
  /** Set when /auth/me failed for another reason than being logged out (e.g. no network). */
  error: Error | null;
  reload: () => void;
  login: (credentials: Credentials) => Promise<User>;
  /** Takes up a session opened another way (an SMS code): the user the server answered with. */
  adopt: (user: User) => void;
  logout: () => Promise<void>;
  loggingIn: boolean;
}

const AuthContext = createContext<Auth | null>(null);

async function fetchMe(): Promise<User | null> {
  try {
    return (await api.get("/api/v1/auth/me")).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
  // A new session sees nothing cached for the previous one (which may have been another person).
  const switchTo = useCallback(
    (user: User | null) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      client.setQueryData(ME_KEY, user);
    },
    [client],
  );
  const login = useMutation({
    mutationFn: async (credentials: Credentials) => (await api.post("/api/v1/auth/login", credentials)).user,
    onSuccess: switchTo,
  });
  const logout = useMutation({
    mutationFn: () => api.post("/api/v1/auth/logout"),
    // Whatever the server said, this browser is logged out.
    onSettled: () => switchTo(null),
  });

  const value = useMemo<Auth>(
    () => ({
      user: me.data,
      error: me.error,
      reload: () => void me.refetch(),
      login: login.mutateAsync,
      adopt: switchTo,
      logout: async () => {
        await logout.mutateAsync().catch(() => undefined);
      },
      loggingIn: login.isPending,
    }),
    [me.data, me.error, me.refetch, login.mutateAsync, login.isPending, logout.mutateAsync, switchTo],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

/** The submit handler and error message every login form shares; navigates back where the user was. */
export function useLoginForm(onSuccess: () => void) {
  const { t } = useTranslation();
  const { login, loggingIn } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Credentials) => {
    setError(null);
    try {
      await login(values);
      onSuccess();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("errors.network"));
    }
  };
  /** Form rule: an 11-digit mainland mobile number. */
  const phoneRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (value && !isValidMobile(value)) throw new Error(t("validation.phoneInvalid"));
    },
  };
  return { submit, error, clearError: () => setError(null), loggingIn, phoneRule };
}
