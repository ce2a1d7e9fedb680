/** Password length bounds, shared by the forms (hints) and the server schemas. No zod here: it ships to the browser. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
