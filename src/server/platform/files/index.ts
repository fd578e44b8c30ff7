export { openStoredFile, readStoredFile, sendStoredFile, storeBytes, storePhoto } from "./bytes.ts";
export {
  assertFilesExist,
  FileId,
  fileUrl,
  MAX_FILE_BYTES,
  PhotoIds,
  PhotoRef,
  photoRefs,
  type StoredFile,
} from "./files.ts";
export { type Image, PHOTO_TYPES, PRINTABLE_TYPES, receivePrintableImage } from "./images.ts";
export { filesRoutes } from "./routes.ts";
export { deleteStoredFiles, readSealed, storeSealed, sweepTemporaryFiles } from "./sealed.ts";
export { files } from "./tables.ts";
export { multipartScope, receiveFilePart } from "./upload.ts";
