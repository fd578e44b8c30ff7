import {
  AccountBookOutlined,
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  BorderOuterOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CommentOutlined,
  CrownOutlined,
  EyeOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  NotificationOutlined,
  ReconciliationOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  StarOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import type { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { matchPath } from "react-router-dom";
import type { User } from "../common/auth.tsx";
import { loadCharts } from "../common/echart.tsx";
import { type LazyPage, lazyPage } from "../common/lazy-page.ts";
import type { NavKey } from "../common/roles.ts";
import { prefetchHome } from "./pages/dashboard/data.ts";

// Each page is its own download, fetched when first opened (see lazyPage).
const AccountsPage = lazyPage(() => import("./pages/accounts/index.tsx"), "AccountsPage");
const ShopAdminPage = lazyPage(() => import("./pages/points/shop/index.tsx"), "ShopAdminPage");
const PointsLedgerPage = lazyPage(() => import("./pages/points/ledger/index.tsx"), "PointsLedgerPage");
const PointsMerchantsPage = lazyPage(
  () => import("./pages/points/merchants/index.tsx"),
  "PointsMerchantsPage",
);
const PointsRulesPage = lazyPage(() => import("./pages/points/rules/index.tsx"), "PointsRulesPage");
const PointsRuleSetPage = lazyPage(() => import("./pages/points/rules/detail.tsx"), "PointsRuleSetPage");
const PointsApprovalsPage = lazyPage(
  () => import("./pages/points/approvals/index.tsx"),
  "PointsApprovalsPage",
);
const PointsAppraisalPage = lazyPage(
  () => import("./pages/points/appraisal/index.tsx"),
  "PointsAppraisalPage",
);
const PointsRankingsPage = lazyPage(() => import("./pages/points/rankings/index.tsx"), "PointsRankingsPage");
const PointsCreditPage = lazyPage(() => import("./pages/points/credit/index.tsx"), "PointsCreditPage");
const BindingsPage = lazyPage(() => import("./pages/accounts/bindings.tsx"), "BindingsPage");
const AuditPage = lazyPage(() => import("./pages/audit.tsx"), "AuditPage");
const CaseDetailPage = lazyPage(() => import("./pages/cases/detail.tsx"), "CaseDetailPage");
const CasesPage = lazyPage(() => import("./pages/cases/index.tsx"), "CasesPage");
const WhistlesPage = lazyPage(() => import("./pages/cases/whistles-page.tsx"), "WhistlesPage");
// 工作台 draws charts: ECharts is fetched beside the page, not once the page is there.
const HomePage = lazyPage(() => {
  void loadCharts();
  return import("./pages/home.tsx");
}, "HomePage");
const ImportsPage = lazyPage(() => import("./pages/imports/index.tsx"), "ImportsPage");
const ImportJobPage = lazyPage(() => import("./pages/imports/job.tsx"), "ImportJobPage");
const OrderDetailPage = lazyPage(() => import("./pages/orders/detail.tsx"), "OrderDetailPage");
const OrdersPage = lazyPage(() => import("./pages/orders/index.tsx"), "OrdersPage");
const OrgPage = lazyPage(() => import("./pages/org/index.tsx"), "OrgPage");
const PeoplePage = lazyPage(() => import("./pages/people/index.tsx"), "PeoplePage");
const PiiAccessPage = lazyPage(() => import("./pages/pii-access.tsx"), "PiiAccessPage");
const ReportsPage = lazyPage(() => import("./pages/reports/index.tsx"), "ReportsPage");
const TerritoryPage = lazyPage(() => import("./pages/territory/index.tsx"), "TerritoryPage");
const TerritoryNodePage = lazyPage(() => import("./pages/territory/node-page.tsx"), "TerritoryNodePage");
const VolunteeringPage = lazyPage(() => import("./pages/volunteering/index.tsx"), "VolunteeringPage");
const WishDetailPage = lazyPage(() => import("./pages/wishes/detail.tsx"), "WishDetailPage");
const WishesPage = lazyPage(() => import("./pages/wishes/index.tsx"), "WishesPage");
const EngagementUnitsPage = lazyPage(
  () => import("./pages/engagement/units/index.tsx"),
  "EngagementUnitsPage",
);
const EngagementRecordsPage = lazyPage(
  () => import("./pages/engagement/records/index.tsx"),
  "EngagementRecordsPage",
);
const EngagementVisitsPage = lazyPage(
  () => import("./pages/engagement/visits/index.tsx"),
  "EngagementVisitsPage",
);
const EngagementWallsPage = lazyPage(() => import("./pages/engagement/walls/index.tsx"), "WallsPage");
const EngagementAssessmentPage = lazyPage(
  () => import("./pages/engagement/assessment/index.tsx"),
  "AssessmentPage",
);
const MobilisationPage = lazyPage(
  () => import("./pages/engagement/mobilisation/index.tsx"),
  "MobilisationPage",
);
const MobilisationDetailPage = lazyPage(
  () => import("./pages/engagement/mobilisation/detail.tsx"),
  "MobilisationDetailPage",
);
const TalentPage = lazyPage(() => import("./pages/engagement/talent/index.tsx"), "TalentPage");
const CaseCategoriesPage = lazyPage(
  () => import("./pages/settings/case-categories.tsx"),
  "CaseCategoriesPage",
);
const DepartmentsPage = lazyPage(() => import("./pages/settings/departments.tsx"), "DepartmentsPage");
const OrderCategoriesPage = lazyPage(
  () => import("./pages/settings/order-categories.tsx"),
  "OrderCategoriesPage",
);
const GridTypesPage = lazyPage(() => import("./pages/settings/grid-types.tsx"), "GridTypesPage");
const DevicesPage = lazyPage(() => import("./pages/settings/devices.tsx"), "DevicesPage");
const HotlineImportPage = lazyPage(() => import("./pages/settings/hotline-import.tsx"), "HotlineImportPage");

export interface NavPage {
  path: string;
  page: LazyPage;
  /** Asks for the page's data once the user is known, when the address opens the page. */
  prefetch?: (client: QueryClient, user: User, search: URLSearchParams) => void;
}

export interface NavItem extends NavPage {
  key: NavKey;
  icon: ReactNode;
  /** Pages below the entry (details), with the same access. */
  subpages?: readonly NavPage[];
  /** A folding group of the side menu the entry sits in (基础数据). */
  group?: NavGroup;
}

export type NavGroup = "settingsGroup";
export const NAV_GROUP_ICONS: Record<NavGroup, ReactNode> = { settingsGroup: <AppstoreOutlined /> };

/** The side menu and the routes in one list: a module adds one entry (and its key in roles.ts). */
export const NAV: readonly NavItem[] = [
  { key: "home", path: "/", icon: <HomeOutlined />, page: HomePage, prefetch: prefetchHome },
  {
    key: "territory",
    path: "/territory",
    icon: <ClusterOutlined />,
    page: TerritoryPage,
    subpages: [{ path: "/territory/:id", page: TerritoryNodePage }],
  },
  { key: "people", path: "/people", icon: <TeamOutlined />, page: PeoplePage },
  {
    key: "cases",
    path: "/cases",
    icon: <SolutionOutlined />,
    page: CasesPage,
    subpages: [{ path: "/cases/:idOrCode", page: CaseDetailPage }],
  },
  { key: "whistles", path: "/whistles", icon: <NotificationOutlined />, page: WhistlesPage },
  { key: "reports", path: "/reports", icon: <BarChartOutlined />, page: ReportsPage },
  { key: "volunteering", path: "/volunteering", icon: <SmileOutlined />, page: VolunteeringPage },
  {
    key: "orders",
    path: "/orders",
    icon: <ThunderboltOutlined />,
    page: OrdersPage,
    subpages: [{ path: "/orders/:idOrCode", page: OrderDetailPage }],
  },
  {
    key: "wishes",
    path: "/wishes",
    icon: <HeartOutlined />,
    page: WishesPage,
    subpages: [{ path: "/wishes/:idOrCode", page: WishDetailPage }],
  },
  { key: "engagementUnits", path: "/engagement/units", icon: <TeamOutlined />, page: EngagementUnitsPage },
  {
    key: "engagementRecords",
    path: "/engagement/records",
    icon: <BookOutlined />,
    page: EngagementRecordsPage,
  },
  {
    key: "engagementVisits",
    path: "/engagement/visits",
    icon: <ReconciliationOutlined />,
    page: EngagementVisitsPage,
  },
  { key: "engagementWalls", path: "/engagement/walls", icon: <CrownOutlined />, page: EngagementWallsPage },
  {
    key: "engagementAssessment",
    path: "/engagement/assessment",
    icon: <TrophyOutlined />,
    page: EngagementAssessmentPage,
  },
  {
    key: "engagementMobilisation",
    path: "/engagement/mobilisation",
    icon: <AlertOutlined />,
    page: MobilisationPage,
    subpages: [{ path: "/engagement/mobilisation/:id", page: MobilisationDetailPage }],
  },
  { key: "engagementTalent", path: "/engagement/talent", icon: <IdcardOutlined />, page: TalentPage },
  { key: "pointsLedger", path: "/points/ledger", icon: <AccountBookOutlined />, page: PointsLedgerPage },
  { key: "pointsMerchants", path: "/points/merchants", icon: <StarOutlined />, page: PointsMerchantsPage },
  {
    key: "pointsRules",
    path: "/points/rules",
    icon: <BookOutlined />,
    page: PointsRulesPage,
    subpages: [{ path: "/points/rules/:id", page: PointsRuleSetPage }],
  },
  {
    key: "pointsApprovals",
    path: "/points/approvals",
    icon: <SolutionOutlined />,
    page: PointsApprovalsPage,
  },
  { key: "pointsAppraisal", path: "/points/appraisal", icon: <CommentOutlined />, page: PointsAppraisalPage },
  { key: "pointsShopAdmin", path: "/points/shop", icon: <ShopOutlined />, page: ShopAdminPage },
  { key: "pointsRankings", path: "/points/rankings", icon: <TrophyOutlined />, page: PointsRankingsPage },
  { key: "pointsCredit", path: "/points/credit", icon: <BankOutlined />, page: PointsCreditPage },
  { key: "org", path: "/org", icon: <FlagOutlined />, page: OrgPage },
  {
    key: "imports",
    path: "/imports",
    icon: <ImportOutlined />,
    page: ImportsPage,
    subpages: [{ path: "/imports/:id", page: ImportJobPage }],
  },
  { key: "accounts", path: "/accounts", icon: <UserAddOutlined />, page: AccountsPage },
  { key: "accountBindings", path: "/accounts/bindings", icon: <UserSwitchOutlined />, page: BindingsPage },
  { key: "audit", path: "/audit", icon: <AuditOutlined />, page: AuditPage },
  { key: "piiAccess", path: "/pii-access", icon: <EyeOutlined />, page: PiiAccessPage },
  {
    key: "caseCategories",
    path: "/settings/case-categories",
    icon: <TagsOutlined />,
    page: CaseCategoriesPage,
    group: "settingsGroup",
  },
  {
    key: "departments",
    path: "/settings/departments",
    icon: <ClusterOutlined />,
    page: DepartmentsPage,
    group: "settingsGroup",
  },
  {
    key: "orderCategories",
    path: "/settings/order-categories",
    icon: <ShopOutlined />,
    page: OrderCategoriesPage,
    group: "settingsGroup",
  },
  {
    key: "gridTypes",
    path: "/settings/grid-types",
    icon: <BorderOuterOutlined />,
    page: GridTypesPage,
    group: "settingsGroup",
  },
  {
    key: "devices",
    path: "/settings/devices",
    icon: <AlertOutlined />,
    page: DevicesPage,
    group: "settingsGroup",
  },
  {
    key: "hotlineImport",
    path: "/settings/hotline-import",
    icon: <CloudUploadOutlined />,
    page: HotlineImportPage,
    group: "settingsGroup",
  },
];

/** The page of an address of this app (without /admin), if it is one of the menu's. */
export const pageAt = (pathname: string): NavPage | undefined =>
  NAV.flatMap((item) => [item, ...(item.subpages ?? [])]).find((page) => matchPath(page.path, pathname));
