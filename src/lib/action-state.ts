/** What a form's server action returns to the form (see src/server/forms/validated-action.ts). */
export interface ActionState {
  /** A message for the whole form. */
  error?: string;
  /** A message per field, keyed by input name. */
  fieldErrors?: Record<string, string>;
  /** Echoed non-secret values, so a form re-rendered without JavaScript keeps what was typed. */
  values?: Record<string, string>;
  /** A success message for forms that stay on the page. */
  success?: string;
  /** Password sign-in refused because the address is not confirmed: offer to resend. */
  needsVerification?: boolean;
  /** Backup codes, shown once, right after they are made (src/server/two-factor/backup-codes.ts). */
  backupCodes?: string[];
  /** A new API token, shown once, right after it is made (src/server/api-tokens/manage.ts). */
  apiToken?: string;
}

export const initialActionState: ActionState = {};
