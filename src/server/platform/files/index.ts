export { openStoredFile, readStoredFile, sendStoredFile, storeBytes } from "./bytes.ts";
export {
  assertFilesExist,
  FileId,
  fileUrl,
  MAX_FILE_BYTES,
  PHOTO_TYPES,
  PhotoIds,
  PhotoRef,
  photoRefs,
  type StoredFile,
} from "./files.ts";
export { type Image, PRINTABLE_TYPES, receivePrintableImage } from "./images.ts";
export { filesRoutes } from "./routes.ts";
export { files } from "./tables.ts";
export { multipartScope, receiveFilePart } from "./upload.ts";
