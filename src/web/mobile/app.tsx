import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { useAuth } from "../common/auth.tsx";
import { AppProviders } from "../common/providers.tsx";
import { LeaveLogin, RequireAuth } from "../common/require-auth.tsx";
import { ContactCardPage } from "./pages/card/contact-card-page.tsx";
import { CaseDetailPage } from "./pages/cases/case-detail-page.tsx";
import { DepartmentInboxPage } from "./pages/cases/department-inbox-page.tsx";
import { GridInboxPage, MyCasesPage } from "./pages/cases/list-pages.tsx";
import { PatrolPage, SubmitCasePage } from "./pages/cases/report-pages.tsx";
import { SubmittedPage } from "./pages/cases/submitted-page.tsx";
import { HouseholdPage } from "./pages/grid/household.tsx";
import { MyGridPage } from "./pages/grid/my-grid.tsx";
import { HomePage } from "./pages/home.tsx";
import { LoginPage } from "./pages/login.tsx";
import { MePage } from "./pages/me.tsx";
import { MyFamilyPage } from "./pages/my-family.tsx";
import { OrderHallPage } from "./pages/orders/hall-page.tsx";
import { MyOrdersPage } from "./pages/orders/my-orders-page.tsx";
import { OrderDetailPage } from "./pages/orders/order-detail-page.tsx";
import { MyPiiAccessPage } from "./pages/pii-access.tsx";
import { Failed, Loading } from "./pages/status.tsx";
import { ActivitiesPage } from "./pages/volunteering/activities-page.tsx";
import { ActivityPage } from "./pages/volunteering/activity-page.tsx";
import { CheckinPage } from "./pages/volunteering/checkin-page.tsx";
import { RecordPage } from "./pages/volunteering/record-page.tsx";
import { RegisterPage } from "./pages/volunteering/register-page.tsx";
import { TeamsPage } from "./pages/volunteering/teams-page.tsx";
import { MyWishesPage } from "./pages/wishes/my-wishes-page.tsx";
import { NewWishPage } from "./pages/wishes/new-wish-page.tsx";
import { WishWallPage } from "./pages/wishes/wall-page.tsx";
import { Shell } from "./shell.tsx";

export function App() {
  return (
    <AppProviders>
      <Localized />
    </AppProviders>
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
      <Route path="/login" element={user ? <LeaveLogin /> : <LoginPage />} />
      {/* 民情联系卡: a public notice, reached from a poster's QR code without an account. */}
      <Route path="/card/:code" element={<ContactCardPage />} />
      {/* 心愿墙: anyone may read it; making and claiming wishes asks for a login. */}
      <Route path="/wishes" element={<WishWallPage />} />
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
          <Route path="/me/pii-access" element={<MyPiiAccessPage />} />
          <Route path="/grid" element={<MyGridPage />} />
          <Route path="/households/:id" element={<HouseholdPage />} />
          <Route path="/family" element={<MyFamilyPage />} />
          <Route path="/cases/new" element={<SubmitCasePage />} />
          <Route path="/cases/patrol" element={<PatrolPage />} />
          <Route path="/cases/mine" element={<MyCasesPage />} />
          <Route path="/cases/inbox" element={<GridInboxPage />} />
          <Route path="/cases/department" element={<DepartmentInboxPage />} />
          <Route path="/cases/:code/submitted" element={<SubmittedPage />} />
          <Route path="/cases/:idOrCode" element={<CaseDetailPage />} />
          <Route path="/orders/hall" element={<OrderHallPage />} />
          <Route path="/orders/mine" element={<MyOrdersPage />} />
          <Route path="/orders/:idOrCode" element={<OrderDetailPage />} />
          <Route path="/wishes/new" element={<NewWishPage />} />
          <Route path="/wishes/mine" element={<MyWishesPage />} />
          <Route path="/volunteering" element={<ActivitiesPage />} />
          <Route path="/volunteering/activities/:id" element={<ActivityPage />} />
          <Route path="/volunteering/register" element={<RegisterPage />} />
          <Route path="/volunteering/record" element={<RecordPage />} />
          <Route path="/volunteering/teams" element={<TeamsPage />} />
          <Route path="/volunteering/checkin" element={<CheckinPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
