import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createSession } from "@/lib/auth/sessions";
import { createAssignment } from "@/lib/classes/assignments";
import { createDraft } from "@/lib/content/drafts";
import { addMember, makeClass, makeDeck, makeUser } from "../classes/fixtures";
import { SCIENCE_ARTICLE } from "../drafts/articles";

// The fuzzing probe for server actions, as fuzz.test.ts is for route handlers: every exported action
// in app/**/actions.ts (found on disk) is called with generated bad arguments: FormData full of NUL
// bytes, lone surrogates, huge strings, files where text belongs, missing fields, other users' ids,
// and arguments of the wrong type altogether (a client can post any serializable value to an
// action). Signed out, as a student, and as a teacher who owns none of those ids. Whatever arrives,
// an action answers the app's ActionResult, nothing, or Next's redirect/notFound: never an error
// Next would turn into a 500. A fixed seed, so a failure replays.
//
// Only Next's request context and Auth.js's wrapper are stood in for (next/headers, next/cache and
// next-auth need the Next server around them); the session check, the rate limits, the services and
// the database are the real ones, on this file's own PGlite or PostgreSQL database.

const SEED = 20_261_130;
const RUNS_PER_ACTION = 40;

const request = vi.hoisted(() => ({ sessionId: null as string | null, headers: new Headers() }));

vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
// revalidatePath needs Next's static-generation store; outside a request there is no cache to clear.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// next-auth's main module cannot be loaded outside Next's bundler (see tests/integration/api/route-files.ts).
vi.mock("next-auth", () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = "credentials";
  }
  return { AuthError, CredentialsSignin };
});
// Auth.js's signIn/auth/signOut, reduced to what they do for Clio: the same lib calls its
// callbacks make (authenticate, findSessionUser), then Next's redirect, as Auth.js throws it.
vi.mock("@/lib/auth/auth", async () => {
  const { CredentialsSignin } = await import("next-auth");
  const { redirect } = await import("next/navigation");
  const { authenticate } = await import("@/lib/auth/sign-in");
  const { findSessionUser } = await import("@/lib/auth/sessions");
  const { requestIp } = await import("@/lib/auth/request-ip");
  class SignInRateLimited extends CredentialsSignin {
    code = "rate_limited";
  }
  return {
    SignInRateLimited,
    githubEnabled: false,
    handlers: {},
    auth: async () => {
      const user = request.sessionId ? await findSessionUser(request.sessionId, new Date()) : null;
      return user ? { sessionId: request.sessionId, user } : null;
    },
    signIn: async (provider: string, options: { email?: unknown; password?: unknown; redirectTo?: string }) => {
      if (provider === "credentials") {
        const result = await authenticate(options, requestIp(request.headers), new Date());
        if (!result.ok && result.reason === "rate_limited") throw new SignInRateLimited();
        if (!result.ok) throw new CredentialsSignin();
      }
      redirect(options.redirectTo ?? "/");
    },
    signOut: async (options: { redirectTo?: string }) => redirect(options.redirectTo ?? "/"),
  };
});

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const ACTION_FILES = walk("app")
  .filter((f) => path.basename(f) === "actions.ts")
  .map((f) => f.split(path.sep).join("/"))
  .sort();

const RESULT_KEYS = new Set(["error", "code", "fieldErrors", "message", "values"]);

/** What the action did with the call, or why it counts as a failure. */
function outcomeOf(settled: { value?: unknown; error?: unknown; threw: boolean }): "ok" | string {
  if (settled.threw) {
    const digest = (settled.error as { digest?: unknown } | null)?.digest;
    // Next's redirect() and notFound() are thrown on purpose; the framework answers them.
    if (typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK;404)/.test(digest)) return "ok";
    return `threw ${settled.error instanceof Error ? `${settled.error.name}: ${settled.error.message}` : String(settled.error)}`;
  }
  if (settled.value === undefined) return "ok";
  if (typeof settled.value === "object" && settled.value !== null) {
    const extra = Object.keys(settled.value).filter((k) => !RESULT_KEYS.has(k));
    if (extra.length === 0) return "ok";
    return `answered keys outside ActionResult: ${extra.join(", ")}`;
  }
  return `answered ${typeof settled.value}`;
}

function describeArgs(args: unknown[]): string {
  return args
    .map((a) =>
      a instanceof FormData ? `FormData{${[...a.keys()].join(",")}}` : (JSON.stringify(a)?.slice(0, 40) ?? String(a)),
    )
    .join(", ");
}

const ids: Record<string, string[]> = {};
/** Signed out, a student and a teacher, neither of whom owns anything in `ids`. */
const identities: (string | null)[] = [null];
let owner: { classId: string; assignmentId: string; draftId: string };

beforeAll(async () => {
  const now = new Date();
  const teacher = await makeUser("teacher");
  const student = await makeUser("student");
  const otherTeacher = await makeUser("teacher");
  const otherStudent = await makeUser("student");
  const deck = await makeDeck({ ownerId: teacher.id, basic: 2 });
  const { classId } = await makeClass(teacher, now);
  await addMember(classId, student);
  const assignment = await createAssignment(
    teacher,
    { classId, deckId: deck.deckId, dueDate: "2027-01-15", targetPercent: 80, requireAllStudied: false },
    now,
  );
  const draft = await createDraft(teacher, {
    title: "Owner's draft",
    outlet: "",
    sourceUrl: "",
    text: SCIENCE_ARTICLE,
    file: null,
  });
  owner = { classId, assignmentId: assignment.id, draftId: draft.id };
  // The fuzzing identities own none of these: every id below is someone else's.
  Object.assign(ids, {
    classId: [classId],
    assignmentId: [assignment.id],
    studentId: [student.id],
    deckId: [deck.deckId],
    cardId: deck.cards.map((c) => c.id),
    draftId: [draft.id],
  });
  identities.push(otherStudent.id, otherTeacher.id);
});

afterAll(() => {
  console.log(`action fuzz: ${calls} calls to ${ACTION_FILES.length} files' actions, ${failures.length} failures`);
});

let calls = 0;

const failures: string[] = [];

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "' OR 1=1 --",
  "-1",
  "1e309",
  "NaN",
  "on",
  "true",
  "null",
  "00000000-0000-0000-0000-000000000000",
  "2026-02-30",
  "Europe/Nowhere",
  "javascript:alert(1)",
  "//evil.example",
  "😀".repeat(50),
  "x".repeat(200_000),
);
const FIELDS = [
  "name",
  "email",
  "password",
  "role",
  "callbackUrl",
  "code",
  "classId",
  "studentId",
  "assignmentId",
  "deckId",
  "cardId",
  "draftId",
  "dueDate",
  "targetPercent",
  "requireAllStudied",
  "title",
  "outlet",
  "sourceUrl",
  "text",
  "file",
  "timezone",
  "dayStartHour",
  "$ACTION_ID_x",
];
// chain() runs at generation time, after beforeAll has filled `ids`.
const someonesId = fc
  .constantFrom("classId", "assignmentId", "studentId", "deckId", "cardId", "draftId")
  .chain((k) => fc.constantFrom(...ids[k]!));
const fieldValue = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: someonesId },
  { weight: 1, arbitrary: fc.uuid() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("a.txt", "", "x.pdf", "\u0000.md"), fc.string({ unit: "binary", maxLength: 80 }))
      .map(([name, body]) => new File([body], name, { type: "text/plain" })),
  },
);
const formData = fc.array(fc.tuple(fc.constantFrom(...FIELDS), fieldValue), { maxLength: 8 }).map((entries) => {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
});
/** Any value a client could serialize into an action call instead of the form it expects. */
const wrongType = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }),
  someonesId,
);
const call = fc.record({
  identity: fc.nat({ max: 2 }),
  forwardedFor: fc.option(fc.ipV4(), { nil: undefined }),
  args: fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constant({}), formData) },
    { weight: 1, arbitrary: formData.map((f) => [f] as unknown[]) },
    { weight: 2, arbitrary: fc.array(fc.oneof(wrongType, formData), { maxLength: 3 }) },
  ),
});

describe("fuzzing every server action", () => {
  it("answers generated bad arguments with an ActionResult, nothing, or a redirect, never a thrown error", async () => {
    const actions: { name: string; fn: (...args: unknown[]) => Promise<unknown> }[] = [];
    for (const file of ACTION_FILES) {
      const mod = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod))
        if (typeof fn === "function") actions.push({ name: `${file}#${name}`, fn: fn as never });
    }
    expect(actions.length).toBeGreaterThanOrEqual(15);

    for (const { name, fn } of actions) {
      await fc.assert(
        fc.asyncProperty(call, async ({ identity, forwardedFor, args }) => {
          // A session of its own for each call: "sign out everywhere" revokes the user's sessions.
          const userId = identities[identity];
          request.sessionId = userId ? await createSession(userId, new Date()) : null;
          request.headers = new Headers(forwardedFor ? { "x-forwarded-for": forwardedFor } : {});
          calls += 1;
          const settled = await fn(...args).then(
            (value) => ({ value, threw: false }),
            (error: unknown) => ({ error, threw: true }),
          );
          const outcome = outcomeOf(settled);
          // Collected rather than thrown, so one run lists every action that fails, not the first.
          if (outcome !== "ok") failures.push(`${name}(${describeArgs(args)}) as identity ${identity}: ${outcome}`);
        }),
        { seed: SEED, numRuns: RUNS_PER_ACTION },
      );
    }
    expect(failures).toEqual([]);
  });

  it("left the other user's class, assignment and draft as they were", async () => {
    expect(await db.class.count({ where: { id: owner.classId } })).toBe(1);
    expect(await db.assignment.count({ where: { id: owner.assignmentId } })).toBe(1);
    expect(await db.deckDraft.count({ where: { id: owner.draftId } })).toBe(1);
  });
});
