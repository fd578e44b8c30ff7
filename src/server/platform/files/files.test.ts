import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { Value } from "@sinclair/typebox/value";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../../testing/factories.ts";
import {
  loginAs,
  ownGridCentre,
  PHONES,
  startTestApp,
  type TestApp,
  tokenFor,
} from "../../testing/harness.ts";
import { auditLog } from "../audit/tables.ts";
import { AppError } from "../errors.ts";
import { assertFilesExist, MAX_FILE_BYTES, PhotoIds } from "./index.ts";
import { files } from "./tables.ts";

/** A real PNG: signature, IHDR, one IDAT of raw scanlines, IEND. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit truecolour, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A PNG chunk a decoder skips (ancillary, private): room for anything a file may carry besides its pixels. */
function withPrivateChunk(image: Buffer, size: number): Buffer {
  const data = Buffer.alloc(size, 7);
  const body = Buffer.concat([Buffer.from("prVt", "ascii"), data]);
  const chunk = Buffer.alloc(12 + size);
  chunk.writeUInt32BE(size, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 8 + size);
  const iend = image.length - 12;
  return Buffer.concat([image.subarray(0, iend), chunk, image.subarray(iend)]);
}

/** The tags of an EXIF block's GPS directory (1–4: latitude and longitude with their N/S, E/W). */
function gpsTags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf("Exif\0\0") + 6);
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => ({
      tag: u16(ifd + 2 + i * 12),
      value: u32(ifd + 10 + i * 12),
    }));
  const gps = entries(u32(4)).find((e) => e.tag === 0x8825);
  return gps ? entries(gps.value).map((e) => e.tag) : [];
}

const form = (bytes: Buffer, filename: string, type: string) => {
  const data = new FormData();
  data.append("note", "a field before the file is skipped");
  data.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
  return data;
};

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let t: TestApp;
let auth: Record<string, string>;
/** Regular files anywhere under DATA_DIR/files, temporary ones included. */
const storedFiles = () => {
  const root = join(t.dataDir, "files");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
};
const rows = async () => (await t.database.db.select({ n: count() }).from(files))[0]?.n;
const upload = (payload: FormData | Buffer, headers: Record<string, string> = auth) =>
  t.as(headers).post("/api/v1/files", payload);

beforeAll(async () => {
  t = await startTestApp();
  auth = { authorization: `Bearer ${await tokenFor(t.app, PHONES.resident)}` };
});
afterAll(() => t.close());

describe("files", () => {
  it("keeps each test app's files in its own temporary DATA_DIR", () => {
    expect(t.dataDir).not.toBe(join(process.cwd(), "data"));
    expect(t.dataDir.startsWith(join(process.cwd(), "data"))).toBe(false);
  });

  it("stores an uploaded PNG re-encoded, under the sha256 of the stored bytes, and serves them back", async () => {
    const bytes = png(3, 2, [200, 30, 30]);
    const res = await upload(form(bytes, "photo.png", "image/png"));
    expect(res.statusCode).toBe(201);
    const { id, size } = res.json();
    expect(res.json()).toEqual({ id, mime: "image/png", size, url: `/api/v1/files/${id}` });
    expect(existsSync(join(t.dataDir, "files", id.slice(0, 2), id))).toBe(true);

    const got = await t.as(auth).get(`/api/v1/files/${id}`);
    expect(got.statusCode).toBe(200);
    expect(sha256(got.rawPayload)).toBe(id);
    expect(got.rawPayload.length).toBe(size);
    const { data, info } = await sharp(got.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, ...data.subarray(0, 3)]).toEqual([3, 2, 200, 30, 30]);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(got.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(got.headers["x-content-type-options"]).toBe("nosniff");

    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry).toMatchObject({ action: "files.upload", entity: "file", after: { mime: "image/png" } });
  });

  it("keeps no EXIF, GPS or XMP of a phone's photo attached to a case, and turns it upright", async () => {
    const resident = await loginAs(t.app, PHONES.resident);
    const place = await ownGridCentre(t.app, await loginAs(t.app, PHONES.gridWorker));
    // 60 × 40 as stored, EXIF orientation 6: a phone held upright, so 40 × 60 as seen.
    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#2a6" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: "Phone", Model: "X1", Software: "camera 1.0" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "28/1 41/1 5000/100",
          GPSLongitudeRef: "E",
          GPSLongitude: "115/1 53/1 1200/100",
        },
      })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
          '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="28,41.83N"/></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    const sent = await sharp(photo).metadata();
    expect(sent).toMatchObject({ orientation: 6, exif: expect.any(Buffer), xmp: expect.any(Buffer) });
    expect(gpsTags(sent.exif as Buffer)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(sent.exif?.includes("Phone")).toBe(true);

    const stored = await upload(form(photo, "IMG_0001.jpg", "image/jpeg"), resident.headers);
    expect(stored.statusCode).toBe(201);
    const filed = await createCase(t.as(resident), {
      description: "楼道堆满杂物，附照片",
      location: place,
      photos: [stored.json().id],
    });
    const detail = await t.as(resident).get(`/api/v1/cases/${filed.id}`);
    const [attached] = detail.json().photos;
    const got = await t.as(resident).get(attached.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/jpeg");

    const kept = await sharp(got.rawPayload).metadata();
    expect(kept).toMatchObject({ format: "jpeg", width: 40, height: 60 });
    expect({ exif: kept.exif, xmp: kept.xmp, iptc: kept.iptc, orientation: kept.orientation }).toEqual({
      exif: undefined,
      xmp: undefined,
      iptc: undefined,
      orientation: undefined,
    });
    for (const trace of ["Exif\0\0", "GPS", "Phone", "adobe:ns:meta", "28,41"])
      expect(got.rawPayload.includes(trace), trace).toBe(false);
  });

  it("gives the same bytes the same id and stores them once, whatever the name or claimed type", async () => {
    const bytes = png(4, 4, [10, 120, 10]);
    const first = await upload(form(bytes, "a.png", "image/png"));
    const before = { rows: await rows(), stored: storedFiles().length };
    const second = await upload(form(bytes, "renamed.gif", "application/octet-stream"));
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect({ rows: await rows(), stored: storedFiles().length }).toEqual(before);
  });

  it("refuses a file that is not an accepted photo, whatever its name (415), and keeps nothing", async () => {
    const before = { rows: await rows(), stored: storedFiles() };
    const text = Buffer.from("just some text pretending to be a photo\n".repeat(20));
    const res = await upload(form(text, "holiday.jpg", "image/jpeg"));
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: "UNSUPPORTED_FILE_TYPE",
      message: expect.stringMatching(/图片/),
    });
    const pdf = await upload(
      form(Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "scan.png", "image/png"),
      {
        ...auth,
        "accept-language": "en",
      },
    );
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toMatch(/only JPEG, PNG/);
    expect({ rows: await rows(), stored: storedFiles() }).toEqual(before);
  });

  it("accepts exactly 10 MB and refuses 10 MB + 1 byte (413), keeping nothing of it", async () => {
    const small = png(2, 2, [0, 0, 0]);
    const exact = withPrivateChunk(small, MAX_FILE_BYTES - small.length - 12);
    expect(exact.length).toBe(MAX_FILE_BYTES);
    const accepted = await upload(form(exact, "big.png", "image/png"));
    expect(accepted.statusCode).toBe(201);
    // The pixels are kept; what rode along with them is not.
    expect(accepted.json().size).toBeLessThan(1000);

    const before = { rows: await rows(), stored: storedFiles() };
    const over = withPrivateChunk(small, MAX_FILE_BYTES - small.length - 11);
    const res = await upload(form(over, "huge.png", "image/png"));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("FILE_TOO_LARGE");
    expect({ rows: await rows(), stored: storedFiles() }).toEqual(before);
  });

  it("refuses a body announcing more than the limit before reading it (413)", async () => {
    const boundary = "----probe";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="x.png"\r\n\r\n`),
      Buffer.alloc(MAX_FILE_BYTES + 200 * 1024, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await upload(body, { ...auth, "content-type": `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("FILE_TOO_LARGE");
  });

  it("answers a form without a file, a malformed form and a JSON body with a 4xx", async () => {
    const fieldsOnly = new FormData();
    fieldsOnly.append("note", "no file here");
    const none = await upload(fieldsOnly);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe("NO_FILE");

    const noBoundary = await upload(Buffer.from("garbage"), {
      ...auth,
      "content-type": "multipart/form-data",
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error.code).toBe("MALFORMED_MULTIPART");

    const cut = await upload(
      Buffer.from('--b\r\ncontent-disposition: form-data; name="file"; filename="x"\r\n\r\nab'),
      {
        ...auth,
        "content-type": "multipart/form-data; boundary=b",
      },
    );
    expect(cut.statusCode).toBe(400);
    expect(storedFiles().some((f) => f.includes(".tmp"))).toBe(false);

    const json = await t.as(auth).post("/api/v1/files", { file: "x" });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("takes multipart on the upload route only: other routes keep refusing it", async () => {
    const res = await t
      .as(undefined)
      .post("/api/v1/auth/login", form(Buffer.from("x"), "x.png", "image/png"));
    expect(res.statusCode).toBe(415);
  });

  it("answers an unknown or malformed id with a JSON error", async () => {
    const unknown = await t.as(auth).get(`/api/v1/files/${"0".repeat(64)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("NOT_FOUND");
    const bad = await t.as(auth).get(`/api/v1/files/${"A".repeat(64)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("requires a logged-in caller for upload and download", async () => {
    const bytes = png(1, 1, [1, 2, 3]);
    expect((await upload(form(bytes, "p.png", "image/png"), {})).statusCode).toBe(401);
    expect((await t.as(undefined).get(`/api/v1/files/${sha256(bytes)}`)).statusCode).toBe(401);
  });

  it("lets other modules check the photo ids they receive (422 UNKNOWN_FILE)", async () => {
    const bytes = png(2, 2, [50, 50, 200]);
    const { id } = (await upload(form(bytes, "p.png", "image/png"))).json();
    const missing = "f".repeat(64);
    await expect(assertFilesExist(t.database.db, [id, id])).resolves.toBeUndefined();
    await expect(assertFilesExist(t.database.db, [])).resolves.toBeUndefined();
    const err = await assertFilesExist(t.database.db, [id, missing]).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "UNKNOWN_FILE", status: 422, details: { missing: [missing] } });

    expect(Value.Check(PhotoIds, [id])).toBe(true);
    expect(Value.Check(PhotoIds, Array(10).fill(id))).toBe(false);
    expect(Value.Check(PhotoIds, [id.toUpperCase()])).toBe(false);
  });
});
