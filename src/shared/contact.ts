/**
 * 办理联系: the purpose written to the personal-data access log when the one who holds a case or
 * an order reveals the phone of the person served to call him (the log keeps it in Chinese; the
 * pages show it in the reader's language: `reveal.purposes.contact`).
 */
export const CONTACT_PURPOSE = "办理联系";
