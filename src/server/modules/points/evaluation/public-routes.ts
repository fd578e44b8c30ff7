import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { type App, ErrorBody, responses, Uuid } from "../../../platform/http/types.ts";
import type { ModuleContext } from "../../../platform/module/index.ts";
import { publicShop, rateShop } from "./ratings.ts";
import { NewRatingBody, PublicShop } from "./schemas.ts";

const tags = ["points"];
const open = { access: "public" as const };
const ShopParams = Type.Object({ merchantId: Uuid }, { additionalProperties: false });

/**
 * The shop's page its QR code opens, on the site the caller reached (as the contact card's poster
 * does); behind a proxy, the Host header must be passed on.
 */
const pageUrlOf = (req: FastifyRequest, merchantId: string) =>
  `${req.protocol}://${req.host}/mobile/shops/${merchantId}`;

/** A shop's public page and consumer rating by QR code (S5): no login, nothing personal. */
export function publicShopRoutes(app: App, { db, pii }: ModuleContext) {
  app.get(
    "/public/points/shops/:merchantId",
    {
      config: open,
      schema: {
        tags,
        summary: "A shop's public page (no login): name, category, address, score, titles and stars",
        params: ShopParams,
        response: responses({ 200: PublicShop }),
      },
    },
    (req) => publicShop(db, req.params.merchantId),
  );

  app.post(
    "/public/points/shops/:merchantId/ratings",
    {
      config: open,
      schema: {
        tags,
        summary:
          "Rate a shop (no login): one rating per phone per shop per day (409), 20 per address an hour (429)",
        params: ShopParams,
        body: NewRatingBody,
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await rateShop(db, pii, req.actor, req.params.merchantId, req.body)),
  );

  app.get(
    "/public/points/shops/:merchantId/qr.png",
    {
      config: open,
      schema: {
        tags,
        summary: "The QR code of the shop's public page, to print and put at its door",
        params: ShopParams,
        response: {
          200: {
            description: "a PNG image",
            content: { "image/png": { schema: Type.String({ format: "binary" }) } },
          },
          "4xx": ErrorBody,
        },
      },
    },
    async (req, reply) => {
      // The shop must exist: a QR code for nothing is a 404, not a picture.
      await publicShop(db, req.params.merchantId);
      const png = await QRCode.toBuffer(pageUrlOf(req, req.params.merchantId), {
        type: "png",
        width: 600,
        margin: 2,
        errorCorrectionLevel: "M",
      });
      return (
        reply
          .type("image/png")
          .header("cache-control", "public, max-age=86400")
          // Bytes; the schema's binary string only documents them.
          .send(png as unknown as string)
      );
    },
  );
}
