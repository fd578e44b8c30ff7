import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  EyeOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  ImportOutlined,
  NotificationOutlined,
  SmileOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { lazyPage } from "../common/lazy-page.ts";
import type { NavKey } from "../common/roles.ts";

// Each page is its own download, fetched when first opened (see lazyPage).
const AuditPage = lazyPage(
  () => import("./pages/audit.tsx"),
  (m) => m.AuditPage,
);
const CaseDetailPage = lazyPage(
  () => import("./pages/cases/detail.tsx"),
  (m) => m.CaseDetailPage,
);
const CasesPage = lazyPage(
  () => import("./pages/cases/index.tsx"),
  (m) => m.CasesPage,
);
const WhistlesPage = lazyPage(
  () => import("./pages/cases/whistles-page.tsx"),
  (m) => m.WhistlesPage,
);
const HomePage = lazyPage(
  () => import("./pages/home.tsx"),
  (m) => m.HomePage,
);
const ImportsPage = lazyPage(
  () => import("./pages/imports/index.tsx"),
  (m) => m.ImportsPage,
);
const ImportJobPage = lazyPage(
  () => import("./pages/imports/job.tsx"),
  (m) => m.ImportJobPage,
);
const OrderDetailPage = lazyPage(
  () => import("./pages/orders/detail.tsx"),
  (m) => m.OrderDetailPage,
);
const OrdersPage = lazyPage(
  () => import("./pages/orders/index.tsx"),
  (m) => m.OrdersPage,
);
const OrgPage = lazyPage(
  () => import("./pages/org/index.tsx"),
  (m) => m.OrgPage,
);
const PeoplePage = lazyPage(
  () => import("./pages/people/index.tsx"),
  (m) => m.PeoplePage,
);
const PiiAccessPage = lazyPage(
  () => import("./pages/pii-access.tsx"),
  (m) => m.PiiAccessPage,
);
const ReportsPage = lazyPage(
  () => import("./pages/reports/index.tsx"),
  (m) => m.ReportsPage,
);
const TerritoryPage = lazyPage(
  () => import("./pages/territory/index.tsx"),
  (m) => m.TerritoryPage,
);
const TerritoryNodePage = lazyPage(
  () => import("./pages/territory/node-page.tsx"),
  (m) => m.TerritoryNodePage,
);
const VolunteeringPage = lazyPage(
  () => import("./pages/volunteering/index.tsx"),
  (m) => m.VolunteeringPage,
);
const WishDetailPage = lazyPage(
  () => import("./pages/wishes/detail.tsx"),
  (m) => m.WishDetailPage,
);
const WishesPage = lazyPage(
  () => import("./pages/wishes/index.tsx"),
  (m) => m.WishesPage,
);

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  element: ReactNode;
  /** Pages below the entry (details), with the same access. */
  subpages?: readonly { path: string; element: ReactNode }[];
}

/** The side menu and the routes in one list: a module adds one entry (and its key in roles.ts). */
export const NAV: readonly NavItem[] = [
  { key: "home", path: "/", icon: <HomeOutlined />, element: <HomePage /> },
  {
    key: "territory",
    path: "/territory",
    icon: <ClusterOutlined />,
    element: <TerritoryPage />,
    subpages: [{ path: "/territory/:id", element: <TerritoryNodePage /> }],
  },
  { key: "people", path: "/people", icon: <TeamOutlined />, element: <PeoplePage /> },
  {
    key: "cases",
    path: "/cases",
    icon: <SolutionOutlined />,
    element: <CasesPage />,
    subpages: [{ path: "/cases/:idOrCode", element: <CaseDetailPage /> }],
  },
  { key: "whistles", path: "/whistles", icon: <NotificationOutlined />, element: <WhistlesPage /> },
  { key: "reports", path: "/reports", icon: <BarChartOutlined />, element: <ReportsPage /> },
  { key: "volunteering", path: "/volunteering", icon: <SmileOutlined />, element: <VolunteeringPage /> },
  {
    key: "orders",
    path: "/orders",
    icon: <ThunderboltOutlined />,
    element: <OrdersPage />,
    subpages: [{ path: "/orders/:idOrCode", element: <OrderDetailPage /> }],
  },
  {
    key: "wishes",
    path: "/wishes",
    icon: <HeartOutlined />,
    element: <WishesPage />,
    subpages: [{ path: "/wishes/:idOrCode", element: <WishDetailPage /> }],
  },
  { key: "org", path: "/org", icon: <FlagOutlined />, element: <OrgPage /> },
  {
    key: "imports",
    path: "/imports",
    icon: <ImportOutlined />,
    element: <ImportsPage />,
    subpages: [{ path: "/imports/:id", element: <ImportJobPage /> }],
  },
  { key: "audit", path: "/audit", icon: <AuditOutlined />, element: <AuditPage /> },
  { key: "piiAccess", path: "/pii-access", icon: <EyeOutlined />, element: <PiiAccessPage /> },
];
