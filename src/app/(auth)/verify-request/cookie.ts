/** Holds the address a sign-in link was just sent to, for the "check your email" page. */
export const VERIFY_EMAIL_COOKIE = "gatehouse.verify-email";
