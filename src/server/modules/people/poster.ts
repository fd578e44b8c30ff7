import { asBuffer, inWorker } from "../../platform/workers/index.ts";
import type { ContactCard } from "./card.ts";
import type * as layout from "./poster-layout.ts";

export const POSTER_SIZES = ["A4", "A3"] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

export interface PosterInput {
  card: ContactCard;
  size: PosterSize;
  /** What the QR code opens: the request form for this grid. */
  formUrl: string;
  /** A staff photo's bytes by file id (null when missing). */
  photo: (fileId: string) => Promise<Buffer | null>;
}

const inLayoutWorker = inWorker<typeof layout>(new URL("./poster-layout.ts", import.meta.url));

/**
 * The grid's contact-card poster as a PDF (poster-layout.ts). The photos are read here; laying out
 * the pages, the QR code and the embedded photos takes a worker thread a few hundred
 * milliseconds, which on the event loop would stall every request (the poster is public).
 */
export async function posterPdf({ card, size, formUrl, photo }: PosterInput): Promise<Buffer> {
  const photos = new Map<string, Buffer | null>();
  for (const id of new Set(card.staff.flatMap((p) => (p.photoId ? [p.photoId] : []))))
    photos.set(id, await photo(id));
  return asBuffer(await inLayoutWorker("drawPoster", { card, size, formUrl, photos }));
}
