/** Where phone-only notices (hotline callers without an account) go out as text messages. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/**
 * POSTs `{phone, text}` as JSON to the district's SMS gateway (SMS_WEBHOOK_URL); any answer but
 * 2xx, or none within the timeout, is an error.
 */
export class WebhookSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

/** In-process stand-in for tests: records what would have been sent; `failFor` numbers fail. */
export class FakeSmsSender implements SmsSender {
  readonly sent: Array<{ phone: string; text: string }> = [];
  readonly failFor = new Set<string>();

  async send(phone: string, text: string): Promise<void> {
    if (this.failFor.has(phone)) throw new Error("fake SMS failure");
    this.sent.push({ phone, text });
  }
}

/**
 * No gateway configured: the text goes to the server log, so the demo (and a district testing
 * before its gateway is contracted) can still sign in by SMS code.
 */
export class LogSmsSender implements SmsSender {
  async send(phone: string, text: string): Promise<void> {
    console.log(`[SMS → ${phone}] ${text}`);
  }
}

/** The gateway of SMS_WEBHOOK_URL, or the server log without one. */
export const smsSenderFor = (webhookUrl: string | undefined): SmsSender =>
  webhookUrl ? new WebhookSmsSender(webhookUrl) : new LogSmsSender();
