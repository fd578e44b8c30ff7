import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What is worth compressing: text. Images and fonts are packed already. */
const TEXT = /\.(js|mjs|css|html|svg|json|map|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside each text file, which the server sends to browsers that
 * take them (@fastify/static's `preCompressed`), so no answer is compressed per request. Brotli at
 * quality 11: of 3.3 MB of pages 8% smaller than quality 9 (80 KB less), for 4.6 s of one core
 * instead of 1.2 s; pages are built once and sent to every browser over its slowest line.
 */
export async function precompress(files: readonly string[]): Promise<void> {
  await Promise.all(
    files
      .filter((file) => TEXT.test(file))
      .map(async (file) => {
        const bytes = await readFile(file);
        const [br, gz] = await Promise.all([
          brotli(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzipped(bytes, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }),
  );
}
