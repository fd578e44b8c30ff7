// The server's validators and masks live in src/shared: the pages use the very same ones.
export { maskIdNumber, maskName, maskPhone } from "../../shared/masks.ts";
export { isStrongPassword, isValidIdNumber, isValidMobile, isValidUscc } from "../../shared/validators.ts";
