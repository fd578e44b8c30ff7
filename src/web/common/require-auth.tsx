import { type ReactNode, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { useAuth } from "./auth.tsx";
import { sameSitePath } from "./return-path.ts";

interface Props {
  /** Shown while the session is being checked. */
  loading: ReactNode;
  /** Shown when the session could not be checked at all. */
  failed: (error: Error, retry: () => void) => ReactNode;
  /** Shown instead of every page while the user signed in with a temporary password. */
  changePassword?: ReactNode;
}

/** Renders the child routes for a logged-in user; sends anyone else to /login and back afterwards. */
export function RequireAuth({ loading, failed, changePassword }: Props) {
  const { user, error, reload } = useAuth();
  const location = useLocation();
  if (user?.mustChangePassword && changePassword) return changePassword;
  if (user) return <Outlet />;
  if (user === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (error) return failed(error, reload);
  return loading;
}

/** Where the login page should go afterwards. */
export function useReturnPath(): string {
  const state = useLocation().state as { from?: string } | null;
  return state?.from && state.from !== "/login" ? state.from : "/";
}

/**
 * `?next=` of the login address: a page of another app on this site that sent the reader here (the
 * big screen), reached by a full page load; null when absent or pointing off the site.
 */
export function useNextPage(): string | null {
  return sameSitePath(new URLSearchParams(useLocation().search).get("next"));
}

/** Leaves this app for `to`, another page of the same site. */
function LeaveApp({ to }: { to: string }) {
  useEffect(() => window.location.replace(to), [to]);
  return null;
}

/**
 * The login route once someone is logged in: the `?next=` page, else where RequireAuth was sending
 * him (a deep link such as a contact card's request form), else home. Rendered the moment the
 * session exists, so it must know the way back itself rather than leave it to the login form.
 */
export function LeaveLogin() {
  const next = useNextPage();
  const back = useReturnPath();
  return next ? <LeaveApp to={next} /> : <Navigate to={back} replace />;
}
