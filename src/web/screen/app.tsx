import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router-dom";
import { useAuth } from "../common/auth.tsx";
import { AppProviders } from "../common/providers.tsx";
import { loginUrl } from "../common/return-path.ts";
import { Screen } from "./screen.tsx";
import { Stage } from "./stage.tsx";
import { StatusMessage } from "./status.tsx";

export function App() {
  return (
    <AppProviders>
      <BrowserRouter basename="/screen">
        <Stage>
          <Gate />
        </Stage>
      </BrowserRouter>
    </AppProviders>
  );
}

/** Logged out: to the admin login, which brings the reader back here (the same area) afterwards. */
function ToLogin() {
  useEffect(() => {
    window.location.replace(loginUrl(window.location.pathname + window.location.search));
  }, []);
  return null;
}

/** The screen for a logged-in reader; the login page for anyone else. */
function Gate() {
  const { t } = useTranslation();
  const { user, error, reload } = useAuth();
  if (user) return <Screen />;
  if (user === null) return <ToLogin />;
  if (error)
    return (
      <StatusMessage title={t("screen.access.failed")} detail={error.message}>
        <button type="button" className="action-button" onClick={reload}>
          {t("screen.access.retry")}
        </button>
      </StatusMessage>
    );
  return <StatusMessage title={t("screen.access.loading")} />;
}
