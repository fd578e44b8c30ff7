// The server's validators and masks are plain functions: the pages use the very same ones.
export { maskIdNumber, maskName, maskPhone } from "../../server/platform/pii/mask.ts";
export { isValidIdNumber, isValidMobile, isValidUscc } from "../../server/platform/pii/validators.ts";
