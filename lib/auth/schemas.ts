import { z } from "zod";
import { textSchema } from "@/lib/validation/text";
import { PasswordSchema, passwordWeakness } from "@/lib/auth/password";

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ error: "Enter an email address like name@school.org." })
      .max(254, { error: "That email address is too long." }),
  );

export const RoleSchema = z.enum(["student", "teacher"], { error: "Choose whether you are a student or a teacher." });

export const TimezoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: "Unknown time zone." },
);

/** A person's name, as sign-up and the account page take it. */
export const NameSchema = textSchema("Enter your name.")
  .trim()
  .min(1, { error: "Enter your name." })
  .max(100, { error: "Use at most 100 characters." });

export const SignUpSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    role: RoleSchema,
    /** Sent by the browser (Intl); daily limits reset at this zone's midnight. */
    timezone: TimezoneSchema.catch("UTC"),
  })
  .check((ctx) => {
    // The rules that need the email and name too (PasswordSchema has checked the rest).
    const { password, email, name } = ctx.value;
    if (passwordWeakness(password) !== null) return;
    const weakness = passwordWeakness(password, { email, name });
    if (weakness) ctx.issues.push({ code: "custom", message: weakness, path: ["password"], input: password });
  });
export type SignUpInput = z.input<typeof SignUpSchema>;

// Sign-in checks only the shape: the password rules may have changed since the account was made.
export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(1024),
});

/**
 * The account page's day settings: where the student is and when their day starts (docs/decisions/007).
 *
 * @example StudyDaySettingsSchema.parse({ timezone: "America/New_York", dayStartHour: "4" })
 */
export const StudyDaySettingsSchema = z.object({
  timezone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .min(1, { error: "Choose a time zone." })
    .max(64, { error: "Unknown time zone." })
    .pipe(TimezoneSchema),
  dayStartHour: z.coerce
    .number({ error: "Choose the hour your day starts, 0 to 23." })
    .int({ error: "Choose a whole hour, 0 to 23." })
    .min(0, { error: "Choose an hour from 0 (midnight) to 23." })
    .max(23, { error: "Choose an hour from 0 (midnight) to 23." }),
});
export type StudyDaySettings = z.output<typeof StudyDaySettingsSchema>;
