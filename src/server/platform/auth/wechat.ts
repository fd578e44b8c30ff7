/**
 * WeChat sign-in (a 小程序's `wx.login` code, or a 公众号 page's OAuth code) needs WeChat's servers,
 * which cannot be reached from here. A district that has an AppID plugs a provider in behind this
 * interface; the sign-in route (accounts/sign-in-routes.ts) then finds or creates the account of
 * the phone WeChat vouches for, exactly as an SMS code does.
 */
export interface WeChatProvider {
  /** The phone number WeChat has verified for this one-time code, or null when it vouches for none. */
  phoneFor(code: string): Promise<string | null>;
}
