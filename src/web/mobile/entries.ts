import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CameraOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FlagOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  InboxOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  ScanOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
  WalletOutlined,
} from "@ant-design/icons";
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
  { key: "submitCase", path: "/cases/new", icon: createElement(EditOutlined) },
  { key: "myCases", path: "/cases/mine", icon: createElement(ProfileOutlined) },
  { key: "gridInbox", path: "/cases/inbox", icon: createElement(InboxOutlined) },
  { key: "patrol", path: "/cases/patrol", icon: createElement(CameraOutlined) },
  { key: "departmentInbox", path: "/cases/department", icon: createElement(AlertOutlined) },
  { key: "orderHall", path: "/orders/hall", icon: createElement(ThunderboltOutlined) },
  { key: "myOrders", path: "/orders/mine", icon: createElement(SolutionOutlined) },
  { key: "wishWall", path: "/wishes", icon: createElement(HeartOutlined) },
  { key: "myWishes", path: "/wishes/mine", icon: createElement(GiftOutlined) },
  { key: "activities", path: "/volunteering", icon: createElement(SmileOutlined) },
  { key: "myVolunteering", path: "/volunteering/record", icon: createElement(FieldTimeOutlined) },
  { key: "volunteerCheckin", path: "/volunteering/checkin", icon: createElement(ScanOutlined) },
  { key: "myReportIn", path: "/engagement/report-in", icon: createElement(FlagOutlined) },
  { key: "myUnit", path: "/engagement/unit", icon: createElement(BankOutlined) },
  { key: "myRecord", path: "/engagement/record", icon: createElement(BookOutlined) },
  { key: "myHouseholds", path: "/engagement/households", icon: createElement(ReconciliationOutlined) },
  { key: "myCallUps", path: "/engagement/call-ups", icon: createElement(AlertOutlined) },
  { key: "myPromise", path: "/engagement/promise", icon: createElement(TrophyOutlined) },
  { key: "myPoints", path: "/points", icon: createElement(WalletOutlined) },
  { key: "shopInspect", path: "/points/inspect", icon: createElement(AuditOutlined) },
  { key: "myShop", path: "/points/my-shop", icon: createElement(ShopOutlined) },
  { key: "pointsShop", path: "/points/shop", icon: createElement(ShopOutlined) },
  { key: "merchantScan", path: "/points/scan", icon: createElement(ScanOutlined) },
  { key: "myCredit", path: "/points/credit", icon: createElement(BankOutlined) },
];
