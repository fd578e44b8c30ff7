import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { useAuth } from "./auth.tsx";

interface Props {
  /** Shown while the session is being checked. */
  loading: ReactNode;
  /** Shown when the session could not be checked at all. */
  failed: (error: Error, retry: () => void) => ReactNode;
}

/** Renders the child routes for a logged-in user; sends anyone else to /login and back afterwards. */
export function RequireAuth({ loading, failed }: Props) {
  const { user, error, reload } = useAuth();
  const location = useLocation();
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
 * The login route once someone is logged in: where RequireAuth was sending him (a deep link such as
 * a contact card's request form), else home. Rendered the moment the session exists, so it must
 * know the way back itself rather than leave it to the login form.
 */
export function LeaveLogin() {
  return <Navigate to={useReturnPath()} replace />;
}
