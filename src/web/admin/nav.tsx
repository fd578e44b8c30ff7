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
import type { NavKey } from "../common/roles.ts";
import { AuditPage } from "./pages/audit.tsx";
import { CaseDetailPage } from "./pages/cases/detail.tsx";
import { CasesPage } from "./pages/cases/index.tsx";
import { WhistlesPage } from "./pages/cases/whistles-page.tsx";
import { HomePage } from "./pages/home.tsx";
import { ImportsPage } from "./pages/imports/index.tsx";
import { ImportJobPage } from "./pages/imports/job.tsx";
import { OrderDetailPage } from "./pages/orders/detail.tsx";
import { OrdersPage } from "./pages/orders/index.tsx";
import { OrgPage } from "./pages/org/index.tsx";
import { PeoplePage } from "./pages/people/index.tsx";
import { PiiAccessPage } from "./pages/pii-access.tsx";
import { ReportsPage } from "./pages/reports/index.tsx";
import { TerritoryPage } from "./pages/territory/index.tsx";
import { TerritoryNodePage } from "./pages/territory/node-page.tsx";
import { VolunteeringPage } from "./pages/volunteering/index.tsx";
import { WishDetailPage } from "./pages/wishes/detail.tsx";
import { WishesPage } from "./pages/wishes/index.tsx";

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
