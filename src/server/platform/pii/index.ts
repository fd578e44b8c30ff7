// The masks and validators are shared with the pages (src/shared); server code reaches them here.
export { maskAddress, maskIdNumber, maskName, maskPhone } from "../../../shared/masks.ts";
export {
  idNumberBirthDate,
  idNumberCheckChar,
  idNumberGender,
  isValidIdNumber,
  isValidMobile,
  isValidUscc,
  normalizeIdNumber,
  normalizeMobile,
  upgradeIdNumber,
} from "../../../shared/validators.ts";
export {
  logPiiAccess,
  logPiiAccesses,
  type PiiAccess,
  revealPii,
  revealPiiMany,
} from "./access-log.ts";
export { piiAccessLog } from "./tables.ts";
export { keyLocationWarning, PiiVault, type PiiVaultOptions } from "./vault.ts";
