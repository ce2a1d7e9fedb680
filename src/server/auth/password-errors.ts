import "server-only";
import { CredentialsSignin } from "next-auth";

/**
 * Why a password sign-in was refused, as Auth.js errors with a `code` the sign-in form turns into
 * words. Each code is safe to show: none says whether the address has an account.
 */

/** Shown as "The email or password is incorrect". */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** Right password, but the address is not confirmed yet (only said after a correct password). */
export class EmailNotVerified extends CredentialsSignin {
  override code = "email_not_verified";
}

/** Too many password attempts for this address or from this IP; nothing was checked. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** Right password, but an admin suspended the account (only said after a right password). */
export class AccountSuspended extends CredentialsSignin {
  override code = "account_suspended";
}
