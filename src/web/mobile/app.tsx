import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import { useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { AuthProvider, useAuth } from "../common/auth.tsx";
import { i18n } from "../common/i18n.ts";
import { createQueryClient } from "../common/query.ts";
import { RequireAuth } from "../common/require-auth.tsx";
import { HouseholdPage } from "./pages/grid/household.tsx";
import { MyGridPage } from "./pages/grid/my-grid.tsx";
import { HomePage } from "./pages/home.tsx";
import { LoginPage } from "./pages/login.tsx";
import { MePage } from "./pages/me.tsx";
import { MyFamilyPage } from "./pages/my-family.tsx";
import { Failed, Loading } from "./pages/status.tsx";
import { Shell } from "./shell.tsx";

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <Localized />
        </AuthProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

function Localized() {
  const { i18n: current } = useTranslation();
  return (
    <ConfigProvider locale={current.language === "en" ? enUS : zhCN}>
      <BrowserRouter basename="/mobile">
        <MobileRoutes />
      </BrowserRouter>
    </ConfigProvider>
  );
}

function MobileRoutes() {
  const { user } = useAuth();
  return (
    <Routes>
      <Route path="/login" element={user ? <Navigate to="/" replace /> : <LoginPage />} />
      <Route
        element={
          <RequireAuth
            loading={<Loading />}
            failed={(error, retry) => <Failed error={error} retry={retry} />}
          />
        }
      >
        <Route element={<Shell />}>
          <Route path="/" element={<HomePage />} />
          <Route path="/me" element={<MePage />} />
          <Route path="/grid" element={<MyGridPage />} />
          <Route path="/households/:id" element={<HouseholdPage />} />
          <Route path="/family" element={<MyFamilyPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
