import { useTranslation } from "react-i18next";

/** The 民主评议 words by their key under pointsLedger.appraisal (keys built from data: sides, halves). */
export function useAppraisalWords() {
  const { t } = useTranslation();
  return (key: string, values: Record<string, string | number> = {}): string =>
    t(`pointsLedger.appraisal.${key}` as "pointsLedger.appraisal.title", values);
}
