import { Segmented } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGES, type Language, setLanguage } from "../common/i18n.ts";

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented
      aria-label={t("language.label")}
      value={currentLanguage()}
      onChange={(value) => setLanguage(value as Language)}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      style={{ fontSize: 16 }}
    />
  );
}
