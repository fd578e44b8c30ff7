import { EnvironmentOutlined, HomeOutlined } from "@ant-design/icons";
import { createElement, type ReactNode } from "react";
import type { NavKey } from "../common/roles.ts";

export interface HomeEntry {
  /** Who sees it: a key of roles.ts's navigation table. */
  key: NavKey;
  path: string;
  icon: ReactNode;
}

/** The big buttons on the home page; each module adds its own. */
export const HOME_ENTRIES: readonly HomeEntry[] = [
  { key: "myGrid", path: "/grid", icon: createElement(EnvironmentOutlined) },
  { key: "myFamily", path: "/family", icon: createElement(HomeOutlined) },
];
