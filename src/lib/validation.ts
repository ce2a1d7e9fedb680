import { z } from "zod";
import { normalizeEmail } from "./email";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

/** Form schemas shared by the forms (for hints) and the server (the judge). */

/** A row's id in a hidden field: looked up by the server within what the user may touch. */
export const idField = z.string().min(1).max(64);

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, "Enter your email address.")
      .max(254, "That email address is too long.")
      .pipe(z.email({ message: "Enter a valid email address, like name@example.com." })),
  );

/** A new password's length. The strength check (src/server/security/password-policy.ts) runs after this. */
export const newPasswordSchema = z
  .string({ message: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

const callbackUrlField = z.string().max(2048).optional();

/** A 6-digit code from an email; spaces typed between the digits are fine. */
const sixDigitCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from the email."));

export const magicLinkSchema = z.object({ email: emailSchema, callbackUrl: callbackUrlField });

export const passwordSignInSchema = z.object({
  email: emailSchema,
  // Never reveal the policy on sign-in; just bound the input.
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "Enter your password."),
  callbackUrl: callbackUrlField,
});

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .max(100, "Keep your name under 100 characters.")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  email: emailSchema,
  password: newPasswordSchema,
  callbackUrl: callbackUrlField,
});

export const callbackOnlySchema = z.object({ callbackUrl: callbackUrlField });

export const emailOnlySchema = z.object({ email: emailSchema });

export const verificationCodeSchema = z.object({
  email: emailSchema,
  code: sixDigitCode,
});

export const tokenSchema = z.object({ token: z.string().min(20).max(200) });

export const resetPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords don't match.",
  });

const nameField = z
  .string()
  .trim()
  .max(100, "Keep your name under 100 characters.")
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const profileSchema = z.object({ name: nameField });

export const changeEmailSchema = z.object({ newEmail: emailSchema });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});

export const setPasswordSchema = z.object({ newPassword: newPasswordSchema });

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().max(254).transform(normalizeEmail),
});
export const emptySchema = z.object({});

export const stepUpPasswordSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH),
  callbackUrl: callbackUrlField,
});

export const stepUpCodeSchema = z.object({ code: sixDigitCode, callbackUrl: callbackUrlField });

export const signInCodeSchema = z.object({
  email: emailSchema,
  code: sixDigitCode,
  callbackUrl: callbackUrlField,
});

/** A second-factor code: 6 digits from the authenticator app, or a backup code (xxxxx-xxxxx). */
const secondFactorCode = z
  .string()
  .trim()
  .min(1, "Enter the code from your authenticator app, or a backup code.")
  .max(20, "That code is too long: enter 6 digits, or a backup code like 4k7pq-x2m9d.");

/** A 6-digit code from the authenticator app (turning two-factor on or off). */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
});

export const secondFactorSchema = z.object({
  code: secondFactorCode,
  remember: z.literal("on").optional(),
  callbackUrl: callbackUrlField,
});

export const stepUpSecondFactorSchema = z.object({ code: secondFactorCode, callbackUrl: callbackUrlField });
