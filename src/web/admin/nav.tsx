import { AuditOutlined, ClusterOutlined, HomeOutlined } from "@ant-design/icons";
import type { ReactNode } from "react";
import type { NavKey } from "../common/roles.ts";
import { AuditPage } from "./pages/audit.tsx";
import { HomePage } from "./pages/home.tsx";
import { TerritoryPage } from "./pages/territory.tsx";

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  element: ReactNode;
}

/** The side menu and the routes in one list: a module adds one entry (and its key in roles.ts). */
export const NAV: readonly NavItem[] = [
  { key: "home", path: "/", icon: <HomeOutlined />, element: <HomePage /> },
  { key: "territory", path: "/territory", icon: <ClusterOutlined />, element: <TerritoryPage /> },
  { key: "audit", path: "/audit", icon: <AuditOutlined />, element: <AuditPage /> },
];
