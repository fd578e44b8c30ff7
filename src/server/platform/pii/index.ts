export {
  logPiiAccess,
  logPiiAccesses,
  type PiiAccess,
  revealPii,
  revealPiiMany,
} from "./access-log.ts";
export { maskAddress, maskIdNumber, maskName, maskPhone } from "./mask.ts";
export { piiAccessLog } from "./tables.ts";
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
} from "./validators.ts";
export { PiiVault, type PiiVaultOptions } from "./vault.ts";
