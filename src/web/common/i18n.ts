import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "../../shared/locales/en.ts";
import { zhCN } from "../../shared/locales/zh-CN.ts";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
  }
}

const STORAGE_KEY = "gridgov.language";

function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
}

export const i18n = i18next.createInstance();

// Synchronous init: resources are bundled, so the first render already has its strings.
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  initAsync: false,
});

function reflect(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t("app.name");
}
reflect(i18n.language);
i18n.on("languageChanged", reflect);

export function currentLanguage(): Language {
  return i18n.language === "en" ? "en" : "zh-CN";
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}
