import type { FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError, unprocessable } from "../errors.ts";
import { receiveFilePart } from "./upload.ts";

/** The image types a PDF embeds (JPEG and PNG): the only ones a photo meant for print may have. */
export const PRINTABLE_TYPES: readonly string[] = ["image/jpeg", "image/png"];

/** A small file may announce a huge picture: libvips refuses more pixels than this before decoding. */
const MAX_INPUT_PIXELS = 50_000_000;

export interface Image {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
}

/**
 * The request's one file part as a JPEG or PNG (its type detected from its bytes, 415 otherwise),
 * turned upright and shrunk to fit `maxSide` × `maxSide`. Re-encoding also drops the metadata
 * (a phone's EXIF carries where the photo was taken). Not stored: the caller stores the result.
 */
export async function receivePrintableImage(req: FastifyRequest, maxSide: number): Promise<Image> {
  const bytes = await receiveFilePart(req, async (part) => {
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !PRINTABLE_TYPES.includes(type.mime))
    throw new AppError("UNSUPPORTED_IMAGE_TYPE", 415, "Only JPEG and PNG photos are accepted", {
      detected: type?.mime ?? null,
      accepted: PRINTABLE_TYPES,
    });
  return shrink(bytes, type.mime, maxSide);
}

async function shrink(bytes: Buffer, mime: string, maxSide: number): Promise<Image> {
  try {
    const upright = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true });
    const encoded = mime === "image/png" ? upright.png() : upright.jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mime, width: info.width, height: info.height };
  } catch (err) {
    // The right magic bytes over a broken or oversized picture: the sender's problem, not a 500.
    throw unprocessable("UNREADABLE_IMAGE", "The image cannot be read", {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
}
