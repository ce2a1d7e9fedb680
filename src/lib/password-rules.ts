/** Password length bounds, shared by the forms (hints) and the server schemas. No zod here: it ships to the browser. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
