import type { ThemeConfig } from "antd";

/** Party red as the accent only; surfaces stay white and grey so long tables remain easy to read. */
export const PARTY_RED = "#c8161d";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: PARTY_RED,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", headerPadding: "0 24px", headerHeight: 56 },
    Menu: { itemBorderRadius: 6 },
  },
};
