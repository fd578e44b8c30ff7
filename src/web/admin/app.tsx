import { useQueryClient } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes, useLocation } from "react-router-dom";
import { useAuth } from "../common/auth.tsx";
import { adminLanding, MOBILE_HOME } from "../common/landing.ts";
import { lazyPage } from "../common/lazy-page.ts";
import { AppProviders } from "../common/providers.tsx";
import { LeaveLogin, RequireAuth } from "../common/require-auth.tsx";
import { canSee } from "../common/roles.ts";
import { ForcedPasswordChange } from "./components/password-forms.tsx";
import { Shell } from "./layout/shell.tsx";
import { NAV, pageAt } from "./nav.tsx";
import { Failed, Forbidden, Loading, NotFound } from "./pages/status.tsx";
import { theme } from "./theme.ts";

const LoginPage = lazyPage(() => import("./pages/login.tsx"), "LoginPage");

export function App() {
  return (
    <AppProviders>
      <Themed />
    </AppProviders>
  );
}

function Themed() {
  const { i18n: current } = useTranslation();
  return (
    <ConfigProvider locale={current.language === "en" ? enUS : zhCN} theme={theme}>
      <AntApp>
        <BrowserRouter basename="/admin">
          <Suspense fallback={<Loading />}>
            <AdminRoutes />
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** Leaves the back office for the phone pages (a full page load: another app of the site). */
function ToPhonePages() {
  useEffect(() => window.location.replace(MOBILE_HOME), []);
  return <Loading />;
}

function AdminRoutes() {
  const { user } = useAuth();
  const client = useQueryClient();
  const { pathname, search } = useLocation();
  // The data of the page the address opened, asked for once the user is known, beside the page's
  // download. Only then: later pages ask for their own when shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per user, at the address of that moment.
  useEffect(() => {
    if (user) pageAt(pathname)?.prefetch?.(client, user, new URLSearchParams(search));
  }, [user?.id, client]);
  return (
    <Routes>
      <Route path="/login" element={user ? <LeaveLogin /> : <LoginPage />} />
      <Route
        element={
          <RequireAuth
            loading={<Loading />}
            failed={(error, retry) => <Failed error={error} retry={retry} />}
            changePassword={<ForcedPasswordChange />}
          />
        }
      >
        {/* No back-office work (a member, a resident, a user with no role yet): the phone pages are his. */}
        <Route element={user && adminLanding(user.roles) === "mobile" ? <ToPhonePages /> : <Shell />}>
          {NAV.flatMap((item) =>
            [item, ...(item.subpages ?? [])].map((page) => (
              <Route
                key={page.path}
                path={page.path}
                element={user && canSee(user, item.key) ? <page.page /> : <Forbidden />}
              />
            )),
          )}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
