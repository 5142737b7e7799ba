import { z } from "zod";

/**
 * The one place that reads process.env, validated once. Everything is optional: with nothing set,
 * Clio runs on the embedded database in `.data/` and keeps its own signing secret there.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server. Unset: the embedded PGlite database in CLIO_DATA_DIR. */
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  /** Where the embedded database and the generated auth secret live; "memory://" keeps nothing on disk. */
  CLIO_DATA_DIR: z.string().min(1).default(".data"),
  /** Signs session tokens. Unset: a random secret is generated once and kept in CLIO_DATA_DIR. */
  AUTH_SECRET: z
    .string()
    .min(32, { error: "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)" })
    .optional(),
  /** GitHub sign-in is offered only when both are set. */
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  /**
   * How many reverse proxies in front of Clio append to X-Forwarded-For. 0 (the default: clients
   * reach `next start` directly): the header is ignored and the socket address is used. N: the Nth
   * entry from the right is the client's address. Set it too high and clients can pick their own.
   */
  CLIO_TRUSTED_PROXIES: z.coerce
    .number({ error: "CLIO_TRUSTED_PROXIES must be a whole number of proxies (0 when none)" })
    .int()
    .min(0)
    .max(10)
    .default(0),
  /**
   * Repeated failures of one kind (the database unreachable, say) are logged once per this many
   * seconds, with a count of the lines held back.
   */
  CLIO_LOG_REPEAT_SECONDS: z.coerce
    .number({ error: "CLIO_LOG_REPEAT_SECONDS must be a number of seconds" })
    .int()
    .min(1)
    .max(3600)
    .default(60),
  /** Seed the demo article, deck and users on the first start of an empty embedded database. */
  CLIO_DEMO_SEED: z
    .enum(["0", "1"])
    .default("1")
    .transform((v) => v === "1"),
});

export type Env = z.infer<typeof EnvSchema>;

function readEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();
