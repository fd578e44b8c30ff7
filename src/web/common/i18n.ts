import i18next from "i18next";
import { initReactI18next } from "react-i18next";
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

// Synchronous init: the Chinese texts come with the app, so the first render already has its strings.
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The texts of a language, if not there yet: only English can be missing, fetched by those who read it. */
async function load(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, "translation")) return;
  const { en } = await import("../../shared/locales/en.ts");
  i18n.addResourceBundle("en", "translation", en);
}

// An English reader's pages wait for the English texts (the page's placeholder shows meanwhile).
if (storedLanguage() === "en") {
  await load("en");
  await i18n.changeLanguage("en");
}

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
  void load(language).then(() => i18n.changeLanguage(language));
}
