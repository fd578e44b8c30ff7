import type { FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError, unprocessable } from "../errors.ts";
import type { MessageCode } from "../i18n/messages.ts";
import { receiveFilePart } from "./upload.ts";

/**
 * Photo types accepted, as detected from the bytes: those sharp can decode and write again, since
 * every photo is re-encoded (HEIC is not among them: sharp's prebuilt libheif has no HEVC
 * decoder, and phones' browsers send a JPEG of it when a form asks for `image/*`).
 */
export const PHOTO_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/webp", "image/gif"];

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

/** Which photos an upload route takes, and how it refuses the others. */
interface ImageRule {
  types: readonly string[];
  /** The code of the 415 refusal; its message in messages.ts names the accepted types. */
  refusal: MessageCode;
  /** Shrunk to fit maxSide × maxSide; kept at its size without it. */
  maxSide?: number;
}

export const PHOTOS: ImageRule = { types: PHOTO_TYPES, refusal: "UNSUPPORTED_FILE_TYPE" };

/** A photo meant for print (a contact card's): JPEG or PNG, shrunk to fit maxSide × maxSide. */
export const receivePrintableImage = (req: FastifyRequest, maxSide: number) =>
  receiveImage(req, { types: PRINTABLE_TYPES, refusal: "UNSUPPORTED_IMAGE_TYPE", maxSide });

/**
 * The request's one file part as an image of an accepted type (detected from its bytes, 415
 * otherwise), re-encoded by `cleanImage`. Every uploaded photo comes through here before it is
 * stored; the caller stores the result.
 */
export async function receiveImage(req: FastifyRequest, rule: ImageRule): Promise<Image> {
  const bytes = await receiveFilePart(req, (part) => part.toBuffer());
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !rule.types.includes(type.mime))
    throw new AppError(rule.refusal, 415, {
      detected: type?.mime ?? null,
      accepted: rule.types,
    });
  return cleanImage(bytes, type.mime, rule.maxSide);
}

/**
 * The picture turned upright by its EXIF orientation, optionally shrunk, and encoded again in its
 * own format. Re-encoding writes pixels only: EXIF (a phone's GPS position, its serial number),
 * XMP, IPTC, comments and ICC profiles are left behind, whatever the camera put in.
 */
async function cleanImage(bytes: Buffer, mime: string, maxSide?: number): Promise<Image> {
  try {
    const animated = mime === "image/gif" || mime === "image/webp";
    let picture = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated }).rotate();
    if (maxSide)
      picture = picture.resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true });
    const encoded =
      mime === "image/png"
        ? picture.png()
        : mime === "image/webp"
          ? picture.webp({ quality: 85 })
          : mime === "image/gif"
            ? picture.gif()
            : // mozjpeg would save a tenth of the bytes at ten times the time (8 s for 12 megapixels).
              picture.jpeg({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mime, width: info.width, height: info.pageHeight ?? info.height };
  } catch (err) {
    // The right magic bytes over a broken or oversized picture: the sender's problem, not a 500.
    throw unprocessable("UNREADABLE_IMAGE", {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
}
