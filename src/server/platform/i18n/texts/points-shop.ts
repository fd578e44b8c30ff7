/** Texts of the points module: points shop. zh-CN first (see messages.ts). */
export const POINTS_SHOP_TEXTS = {
  OUT_OF_STOCK: {
    "zh-CN": "该物品已兑完",
    en: "This item is out of stock",
  },
  SHOP_NODE_LEVEL: {
    "zh-CN": "积分超市的物品只能挂在区、街道或社区下",
    en: "A shop item belongs to a district, a street or a community",
  },
  SHOP_MERCHANT_UNKNOWN: {
    "zh-CN": "所选商户不在该区域内",
    en: "The chosen shop is not in this area",
  },
  SERVICE_NEEDS_SHOP: {
    "zh-CN": "服务类物品需要选择提供服务的便民店",
    en: "A service needs the shop that provides it",
  },
  NOT_FOR_YOUR_POINTS: {
    "zh-CN": "这件物品不能用您的积分兑换",
    en: "This item cannot be paid with your points",
  },
  REDEMPTION_CODE_UNKNOWN: {
    "zh-CN": "没有找到这个兑换码，请核对后重新输入",
    en: "No redemption has this code; check it and type it again",
  },
  NOT_YOUR_SHOP: {
    "zh-CN": "这不是本店的兑换码，请到对应的店铺领取",
    en: "This code is for another shop",
  },
  CANCEL_REASON_REQUIRED: {
    "zh-CN": "请填写取消原因",
    en: "Give a reason for cancelling",
  },
};
