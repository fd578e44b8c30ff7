import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { useAuth } from "../common/auth.tsx";
import { lazyPage } from "../common/lazy-page.ts";
import { AppProviders } from "../common/providers.tsx";
import { LeaveLogin, RequireAuth } from "../common/require-auth.tsx";
import { HomePage } from "./pages/home.tsx";
import { Failed, Loading } from "./pages/status.tsx";
import { Shell } from "./shell.tsx";

// The home page comes with the app; every other page is its own download, fetched when first opened.
const ContactCardPage = lazyPage(() => import("./pages/card/contact-card-page.tsx"), "ContactCardPage");
const CaseDetailPage = lazyPage(() => import("./pages/cases/case-detail-page.tsx"), "CaseDetailPage");
const DepartmentInboxPage = lazyPage(
  () => import("./pages/cases/department-inbox-page.tsx"),
  "DepartmentInboxPage",
);
const GridInboxPage = lazyPage(() => import("./pages/cases/list-pages.tsx"), "GridInboxPage");
const MyCasesPage = lazyPage(() => import("./pages/cases/list-pages.tsx"), "MyCasesPage");
const PatrolPage = lazyPage(() => import("./pages/cases/report-pages.tsx"), "PatrolPage");
const SubmitCasePage = lazyPage(() => import("./pages/cases/report-pages.tsx"), "SubmitCasePage");
const SubmittedPage = lazyPage(() => import("./pages/cases/submitted-page.tsx"), "SubmittedPage");
const HouseholdPage = lazyPage(() => import("./pages/grid/household.tsx"), "HouseholdPage");
const MyGridPage = lazyPage(() => import("./pages/grid/my-grid.tsx"), "MyGridPage");
const BindingPage = lazyPage(() => import("./pages/binding.tsx"), "BindingPage");
const ChangePasswordPage = lazyPage(() => import("./pages/password-pages.tsx"), "ChangePasswordPage");
const ForcedPasswordPage = lazyPage(() => import("./pages/password-pages.tsx"), "ForcedPasswordPage");
const LoginPage = lazyPage(() => import("./pages/login.tsx"), "LoginPage");
const MePage = lazyPage(() => import("./pages/me.tsx"), "MePage");
const MessagesPage = lazyPage(() => import("./pages/messages.tsx"), "MessagesPage");
const MyFamilyPage = lazyPage(() => import("./pages/my-family.tsx"), "MyFamilyPage");
const OrderHallPage = lazyPage(() => import("./pages/orders/hall-page.tsx"), "OrderHallPage");
const MyOrdersPage = lazyPage(() => import("./pages/orders/my-orders-page.tsx"), "MyOrdersPage");
const OrderDetailPage = lazyPage(() => import("./pages/orders/order-detail-page.tsx"), "OrderDetailPage");
const MyPiiAccessPage = lazyPage(() => import("./pages/pii-access.tsx"), "MyPiiAccessPage");
const ActivitiesPage = lazyPage(() => import("./pages/volunteering/activities-page.tsx"), "ActivitiesPage");
const ActivityPage = lazyPage(() => import("./pages/volunteering/activity-page.tsx"), "ActivityPage");
const CheckinPage = lazyPage(() => import("./pages/volunteering/checkin-page.tsx"), "CheckinPage");
const RecordPage = lazyPage(() => import("./pages/volunteering/record-page.tsx"), "RecordPage");
const RegisterPage = lazyPage(() => import("./pages/volunteering/register-page.tsx"), "RegisterPage");
const TeamsPage = lazyPage(() => import("./pages/volunteering/teams-page.tsx"), "TeamsPage");
const MyWishesPage = lazyPage(() => import("./pages/wishes/my-wishes-page.tsx"), "MyWishesPage");
const NewWishPage = lazyPage(() => import("./pages/wishes/new-wish-page.tsx"), "NewWishPage");
const WishWallPage = lazyPage(() => import("./pages/wishes/wall-page.tsx"), "WishWallPage");
const ReportInPage = lazyPage(
  () => import("./pages/engagement/report-in/report-in-page.tsx"),
  "ReportInPage",
);
const MyHouseholdsPage = lazyPage(
  () => import("./pages/engagement/visits/households-page.tsx"),
  "MyHouseholdsPage",
);
const HouseholdVisitsPage = lazyPage(
  () => import("./pages/engagement/visits/household-page.tsx"),
  "HouseholdVisitsPage",
);
const MyRecordPage = lazyPage(() => import("./pages/engagement/record/my-record-page.tsx"), "MyRecordPage");
const VisitFormPage = lazyPage(
  () => import("./pages/engagement/visits/visit-form-page.tsx"),
  "VisitFormPage",
);

const PromisePage = lazyPage(() => import("./pages/engagement/walls/promise-page.tsx"), "PromisePage");
const MembersWallPage = lazyPage(() => import("./pages/engagement/walls/wall-page.tsx"), "WallPage");
const CallUpsPage = lazyPage(() => import("./pages/engagement/call-ups/call-ups-page.tsx"), "CallUpsPage");
const UnitPage = lazyPage(() => import("./pages/engagement/unit/unit-page.tsx"), "UnitPage");
const MyPointsPage = lazyPage(() => import("./pages/points/my-points-page.tsx"), "MyPointsPage");
const StatementPage = lazyPage(() => import("./pages/points/statement-page.tsx"), "StatementPage");
const AppraisePage = lazyPage(() => import("./pages/points/appraise-page.tsx"), "AppraisePage");
const InspectSearchPage = lazyPage(() => import("./pages/points/inspect-page.tsx"), "InspectSearchPage");
const InspectShopPage = lazyPage(() => import("./pages/points/inspect-page.tsx"), "InspectShopPage");
const ShopPublicPage = lazyPage(() => import("./pages/points/shop-public-page.tsx"), "ShopPublicPage");
const MyShopPage = lazyPage(() => import("./pages/points/my-shop-page.tsx"), "MyShopPage");
const ShopPage = lazyPage(() => import("./pages/points/shop-page.tsx"), "ShopPage");
const RedemptionsPage = lazyPage(() => import("./pages/points/redemptions-page.tsx"), "RedemptionsPage");
const ScanPage = lazyPage(() => import("./pages/points/scan-page.tsx"), "ScanPage");
const CreditPage = lazyPage(() => import("./pages/points/credit-page.tsx"), "CreditPage");
const ScanRecordsPage = lazyPage(() => import("./pages/points/scan-records-page.tsx"), "ScanRecordsPage");

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
        <Suspense fallback={<Loading />}>
          <MobileRoutes />
        </Suspense>
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
      {/* 党员风采墙: a community's walls, public (names masked), also shown on the hall's big screen. */}
      <Route path="/engagement/walls/:communityId" element={<MembersWallPage />} />
      {/* 我要反映 from a poster's QR code: filled in first, the SMS code asked for inline when sent. */}
      <Route path="/cases/new" element={<SubmitCasePage />} />
      {/* 商铺积分: a shop's page from the QR code at its door; anyone may rate it. */}
      <Route path="/shops/:merchantId" element={<ShopPublicPage />} />
      <Route
        element={
          <RequireAuth
            loading={<Loading />}
            failed={(error, retry) => <Failed error={error} retry={retry} />}
            changePassword={<ForcedPasswordPage />}
          />
        }
      >
        <Route element={<Shell />}>
          <Route path="/" element={<HomePage />} />
          <Route path="/me" element={<MePage />} />
          <Route path="/messages" element={<MessagesPage />} />
          <Route path="/me/pii-access" element={<MyPiiAccessPage />} />
          <Route path="/me/password" element={<ChangePasswordPage />} />
          <Route path="/me/binding" element={<BindingPage />} />
          <Route path="/grid" element={<MyGridPage />} />
          <Route path="/households/:id" element={<HouseholdPage />} />
          <Route path="/family" element={<MyFamilyPage />} />
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
          <Route path="/engagement/report-in" element={<ReportInPage />} />
          <Route path="/engagement/record" element={<MyRecordPage />} />
          <Route path="/engagement/promise" element={<PromisePage />} />
          <Route path="/engagement/call-ups" element={<CallUpsPage />} />
          <Route path="/engagement/unit" element={<UnitPage />} />
          <Route path="/points" element={<MyPointsPage />} />
          <Route path="/points/statement" element={<StatementPage />} />
          <Route path="/points/credit" element={<CreditPage />} />
          <Route path="/points/appraise" element={<AppraisePage />} />
          <Route path="/points/inspect" element={<InspectSearchPage />} />
          <Route path="/points/inspect/:merchantId" element={<InspectShopPage />} />
          <Route path="/points/my-shop" element={<MyShopPage />} />
          <Route path="/points/shop" element={<ShopPage />} />
          <Route path="/points/redemptions" element={<RedemptionsPage />} />
          <Route path="/points/scan" element={<ScanPage />} />
          <Route path="/points/shop-records" element={<ScanRecordsPage />} />
          <Route path="/engagement/households" element={<MyHouseholdsPage />} />
          <Route path="/engagement/households/:id" element={<HouseholdVisitsPage />} />
          <Route path="/engagement/households/:id/visit" element={<VisitFormPage />} />
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
