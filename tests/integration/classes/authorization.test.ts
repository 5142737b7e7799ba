import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateStudyDay, type PublicUser } from "@/lib/auth/users";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { createAssignment, deleteAssignment } from "@/lib/classes/assignments";
import { createClass, joinClass, leaveClass, regenerateJoinCode, removeStudent } from "@/lib/classes/classes";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { applyAssignmentRetention, computeAssignmentPlan } from "@/lib/classes/plan";
import { classFitStatus, requestClassFitFor } from "@/lib/classes/fits";
import { classCalibration } from "@/lib/models/calibration";
import { revokeAllSessions, createSession } from "@/lib/auth/sessions";
import { createDraft, deleteDraft, loadDraft, saveDraft } from "@/lib/content/drafts";
import { publishDraft } from "@/lib/content/publish";
import { updateDeckSettings } from "@/lib/content/deck-settings";
import { changeName, changePassword, deleteAccount } from "@/lib/auth/account";
import { hashPassword } from "@/lib/auth/password";
import { fetchQueue } from "@/lib/study/queue";
import { exportDeckAs } from "@/lib/interop/export-file";
import { importDeckFile, previewDeckFile } from "@/lib/interop/import-file";
import { submitReview, undoReview, unsuspendCard } from "@/lib/study/review";
import {
  ACTION_KEYS,
  HTTP_MATRIX,
  MATRIX_ROOTS,
  ROLES,
  SESSION_ONLY_ACTION_KEYS,
  STALE_VERSION,
  type ActionKey,
  type Role,
} from "./route-matrix";
import { makeDeck, makeUser, review } from "./fixtures";
import { SCIENCE_ARTICLE } from "../drafts/articles";

// The authorization matrix, part one. Pages and route handlers are requested over HTTP from the
// running app in tests/e2e/classes-authz.test.ts. Server actions are public POST endpoints too,
// but calling one over HTTP needs its build-specific action id; so here each action's service
// (where the authorization lives) is called as each kind of user, and each action is checked to
// sign the user in before anything else (signed out, requireUser redirects to sign-in). This file
// also makes sure that every page, route handler and action under MATRIX_ROOTS has a row.

const NOW = new Date("2026-11-27T09:00:00Z");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Route path of a file under app/: route groups dropped, e.g. "/classes/[classId]". */
function routeOf(file: string): string {
  const segments = path
    .dirname(path.relative("app", file))
    .split(path.sep)
    .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function discover() {
  const routes = new Set<string>();
  const actions = new Set<string>();
  const problems: string[] = [];
  for (const file of MATRIX_ROOTS.flatMap(walk).filter((f) => /\.(ts|tsx)$/.test(f))) {
    const text = fs.readFileSync(file, "utf8");
    const name = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) routes.add(`GET ${routeOf(file)}`);
    if (/^route\.(ts|js)$/.test(name)) {
      for (const method of HTTP_METHODS) {
        if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(text))
          routes.add(`${method} ${routeOf(file)}`);
      }
    }
    const fileLevel = /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text);
    if (fileLevel) {
      for (const m of text.matchAll(/export\s+async\s+function\s+(\w+)/g))
        actions.add(`${file.split(path.sep).join("/")}#${m[1]}`);
      if (/export\s+(const|let|default)\b/.test(text))
        problems.push(`${file}: export server actions as "export async function name(...)" so the matrix can see them`);
    } else if (/["']use server["']/.test(text)) {
      problems.push(`${file}: an inline "use server" action; move it to an actions.ts file so the matrix can see it`);
    }
  }
  return { routes, actions, problems };
}

describe("the authorization matrix covers every route and action", () => {
  it("has a row for every page and route handler, and no row for one that is gone", () => {
    const { routes, problems } = discover();
    expect(problems).toEqual([]);
    const rows = new Set(HTTP_MATRIX.map((r) => r.route));
    expect(
      [...routes].filter((r) => !rows.has(r)),
      "routes without a row in tests/integration/classes/route-matrix.ts",
    ).toEqual([]);
    expect(
      [...rows].filter((r) => !routes.has(r)),
      "rows for routes that no longer exist",
    ).toEqual([]);
    expect(routes.size).toBeGreaterThanOrEqual(5);
  });

  it("has a row for every server action, and every action signs the user in first", () => {
    const { actions } = discover();
    expect([...actions].sort()).toEqual([...ACTION_KEYS, ...SESSION_ONLY_ACTION_KEYS].sort());
    expect(Object.keys(ACTION_ROWS).sort()).toEqual([...ACTION_KEYS].sort());
    for (const key of ACTION_KEYS) {
      const [file, name] = key.split("#") as [string, string];
      const text = fs.readFileSync(file, "utf8");
      const body = new RegExp(
        `export\\s+async\\s+function\\s+${name}\\([^)]*\\)[^{]*\\{\\s*const user = await require(User|Teacher)\\(`,
      );
      expect(body.test(text), `${key} must start with "const user = await requireUser(...)"`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------

interface Fixture {
  users: Record<Exclude<Role, "anonymous">, PublicUser>;
  classId: string;
  joinCode: string;
  assignmentId: string;
  draftId: string;
  deckSlug: string;
  cardId: string;
  /** The owner's first review of cardId (not the latest). */
  reviewId: string;
}

let deckA: string;
let deckB: string;
beforeAll(async () => {
  deckA = (await makeDeck({ isPublic: true })).deckId;
  deckB = (await makeDeck({ isPublic: true })).deckId;
});

/** A fresh class for each call: an owner, a student in it, one outside, another teacher, one assignment. */
async function fixture(): Promise<Fixture> {
  const users = {
    owner: await makeUser("teacher"),
    otherTeacher: await makeUser("teacher"),
    studentIn: await makeUser("student"),
    studentOut: await makeUser("student"),
  };
  const { id: classId, joinCode } = await createClass(users.owner, { name: "Matrix class" }, NOW);
  await joinClass(users.studentIn, joinCode, NOW);
  // Another class of the outsider's, so "not in it" is not the same as "in no class".
  const other = await createClass(users.otherTeacher, { name: "Elsewhere" }, NOW);
  await joinClass(users.studentOut, other.joinCode, NOW);
  const { id: assignmentId } = await createAssignment(
    users.owner,
    { classId, deckId: deckA, dueDate: "2026-12-20", targetPercent: 80, requireAllStudied: true },
    NOW,
  );
  const { id: draftId } = await createDraft(users.owner, { title: "Matrix draft", text: SCIENCE_ARTICLE });
  const privateDeck = await makeDeck({ ownerId: users.owner.id, isPublic: false });
  const card = privateDeck.cards[0]!;
  const { reviewId } = await review(users.owner, card, NOW, "again");
  await review(users.owner, card, new Date(NOW.getTime() + 60_000), "again");
  // Suspended (as a leech would be), so that unsuspending it is a change only the owner may make.
  await db.cardState.updateMany({ where: { userId: users.owner.id, cardId: card.id }, data: { suspended: true } });
  for (const user of Object.values(users)) await createSession(user.id, NOW);
  return { users, classId, joinCode, assignmentId, draftId, deckSlug: privateDeck.slug, cardId: card.id, reviewId };
}

const IMPORT_CSV = { name: "import.csv", bytes: new TextEncoder().encode("front,back\nWho?,Baker\n") };

/** "unchanged": the service answered without an error but found nothing of the user's to change. */
type Outcome = "ok" | "unchanged" | 403 | 404 | 409;
type SignedIn = Exclude<Role, "anonymous">;
interface ActionRow {
  /** The service the action calls, as `user` would reach it. */
  call: (user: PublicUser, f: Fixture) => Promise<unknown>;
  expect: Record<SignedIn, Outcome>;
}

const ACTION_ROWS: Record<ActionKey, ActionRow> = {
  "app/classes/actions.ts#createClassAction": {
    call: (u) => createClass(u, { name: "New class" }, NOW),
    expect: { studentIn: 403, studentOut: 403, owner: "ok", otherTeacher: "ok" },
  },
  "app/classes/actions.ts#regenerateJoinCodeAction": {
    call: (u, f) => regenerateJoinCode(u, { classId: f.classId }, NOW),
    expect: { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/classes/actions.ts#removeStudentAction": {
    call: (u, f) => removeStudent(u, { classId: f.classId, studentId: f.users.studentIn.id }),
    expect: { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/classes/actions.ts#createAssignmentAction": {
    call: (u, f) =>
      createAssignment(
        { ...u },
        { classId: f.classId, deckId: deckB, dueDate: "2026-12-21", targetPercent: 75, requireAllStudied: false },
        NOW,
      ),
    expect: { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/classes/actions.ts#deleteAssignmentAction": {
    call: (u, f) => deleteAssignment(u, { classId: f.classId, assignmentId: f.assignmentId }),
    expect: { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/classes/actions.ts#leaveClassAction": {
    call: (u, f) => leaveClass(u, { classId: f.classId }),
    expect: { studentIn: "ok", studentOut: 404, owner: 404, otherTeacher: 404 },
  },
  "app/classes/model-actions.ts#applyRetentionAction": {
    call: (u, f) =>
      applyAssignmentRetention(u, { classId: f.classId, assignmentId: f.assignmentId, retentionPercent: "85" }),
    expect: { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/classes/model-actions.ts#requestClassFitAction": {
    call: (u, f) => requestClassFitFor(u, { classId: f.classId }, NOW),
    expect: { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/join/actions.ts#joinClassAction": {
    call: (u, f) => joinClass(u, f.joinCode, NOW),
    expect: { studentIn: "ok", studentOut: "ok", owner: 403, otherTeacher: 403 },
  },
  "app/decks/new/actions.ts#createDraftAction": {
    call: (u) => createDraft(u, { title: "Another draft", text: SCIENCE_ARTICLE }),
    expect: { studentIn: 403, studentOut: 403, owner: "ok", otherTeacher: "ok" },
  },
  // The owner's private deck: only the owner may change how it is scheduled.
  "app/decks/[slug]/actions.ts#updateDeckSettingsAction": {
    call: (u, f) =>
      updateDeckSettings(u, f.deckSlug, {
        desiredRetention: "0.85",
        newCardsPerDay: "5",
        maxReviewsPerDay: "100",
        learningSteps: "1m",
        relearningSteps: "10m",
        maximumInterval: "365",
        leechThreshold: "8",
      }),
    expect: { studentIn: 404, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "app/decks/new/import-actions.ts#previewImportAction": {
    call: (u) => previewDeckFile(u, IMPORT_CSV),
    expect: { studentIn: 403, studentOut: 403, owner: "ok", otherTeacher: "ok" },
  },
  "app/decks/new/import-actions.ts#createImportAction": {
    call: (u) => importDeckFile(u, IMPORT_CSV, {}, NOW),
    expect: { studentIn: 403, studentOut: 403, owner: "ok", otherTeacher: "ok" },
  },
  "app/drafts/actions.ts#deleteDraftAction": {
    call: (u, f) => deleteDraft(u, f.draftId),
    expect: { studentIn: 403, studentOut: 403, owner: "ok", otherTeacher: 404 },
  },
  "app/progress/actions.ts#unsuspendAction": {
    call: async (u, f) => ((await unsuspendCard(u, f.cardId)) ? "ok" : "unchanged"),
    expect: { studentIn: "unchanged", studentOut: "unchanged", owner: "ok", otherTeacher: "unchanged" },
  },
  // Takes no id: it can only ever revoke the caller's own sessions (checked below).
  "app/account/actions.ts#signOutEverywhereAction": {
    call: (u) => revokeAllSessions(u.id, NOW),
    expect: { studentIn: "ok", studentOut: "ok", owner: "ok", otherTeacher: "ok" },
  },
  // Scoped by the caller's own id: there is nobody else's to reach.
  "app/account/actions.ts#updateStudyDayAction": {
    call: (u) => updateStudyDay(u.id, { timezone: u.timezone, dayStartHour: "4" }),
    expect: { studentIn: "ok", studentOut: "ok", owner: "ok", otherTeacher: "ok" },
  },
  // The account actions take no id either: each acts on the caller's own account only
  // (tests/integration/auth/account.test.ts checks that nobody else's changes).
  "app/account/actions.ts#changePasswordAction": {
    call: async (u) => {
      await db.user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword("an old pass phrase") } });
      return changePassword(
        u,
        { currentPassword: "an old pass phrase", newPassword: "violet tractor harbour quietly" },
        null,
        NOW,
      );
    },
    expect: { studentIn: "ok", studentOut: "ok", owner: "ok", otherTeacher: "ok" },
  },
  "app/account/actions.ts#changeNameAction": {
    call: (u) => changeName(u, { name: "A new name" }),
    expect: { studentIn: "ok", studentOut: "ok", owner: "ok", otherTeacher: "ok" },
  },
  "app/account/actions.ts#deleteAccountAction": {
    call: (u) => deleteAccount(u, { confirmEmail: u.email }),
    expect: { studentIn: "ok", studentOut: "ok", owner: "ok", otherTeacher: "ok" },
  },
};

/** The services behind the route handlers under app/api (besides the dashboard's, below), as each user would reach them. */
const ROUTE_SERVICE_ROWS: Record<string, ActionRow> = {
  "GET /api/drafts/[id]": {
    call: (u, f) => loadDraft(u, f.draftId),
    expect: { studentIn: 403, studentOut: 403, owner: "ok", otherTeacher: 404 },
  },
  "PUT /api/drafts/[id]": {
    call: (u, f) =>
      saveDraft(u, f.draftId, { version: STALE_VERSION, title: "Overwritten", outlet: "", sourceUrl: "", cards: [] }),
    expect: { studentIn: 403, studentOut: 403, owner: 409, otherTeacher: 404 },
  },
  "POST /api/drafts/[id]/publish": {
    call: (u, f) => publishDraft(u, f.draftId, { version: STALE_VERSION }, NOW),
    expect: { studentIn: 403, studentOut: 403, owner: 409, otherTeacher: 404 },
  },
  "GET /api/decks/[slug]/queue": {
    call: (u, f) => fetchQueue(u, f.deckSlug, NOW),
    expect: { studentIn: 404, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  // Takes no id and calls no service: it answers the caller's own id from the session check.
  "GET /api/session": {
    call: async () => "ok",
    expect: { studentIn: "ok", studentOut: "ok", owner: "ok", otherTeacher: "ok" },
  },
  "GET /api/decks/[slug]/export": {
    call: (u, f) => exportDeckAs(u, f.deckSlug, "apkg", NOW),
    expect: { studentIn: 404, studentOut: 404, owner: "ok", otherTeacher: 404 },
  },
  "POST /api/reviews": {
    call: (u, f) =>
      submitReview(u, { reviewId: crypto.randomUUID(), cardId: f.cardId, version: STALE_VERSION, rating: "good" }, NOW),
    expect: { studentIn: 404, studentOut: 404, owner: 409, otherTeacher: 404 },
  },
  "POST /api/reviews/[id]/undo": {
    call: (u, f) => undoReview(u, f.reviewId),
    expect: { studentIn: 404, studentOut: 404, owner: 409, otherTeacher: 404 },
  },
};

/** Everything of the fixture's users that an action could change. */
async function snapshot(f: Fixture) {
  const userId = { in: Object.values(f.users).map((u) => u.id) };
  return {
    cls: await db.class.findUnique({ where: { id: f.classId } }),
    members: await db.membership.findMany({ where: { classId: f.classId }, orderBy: { userId: "asc" } }),
    assignments: await db.assignment.findMany({ where: { classId: f.classId }, orderBy: { id: "asc" } }),
    fitJobs: await db.fitJob.findMany({ where: { classId: f.classId }, orderBy: { id: "asc" } }),
    classes: await db.class.count(),
    drafts: await db.deckDraft.findMany({ where: { ownerId: userId }, orderBy: { id: "asc" } }),
    decks: await db.deck.findMany({ where: { ownerId: userId }, orderBy: { id: "asc" } }),
    cardStates: await db.cardState.findMany({ where: { userId }, orderBy: [{ userId: "asc" }, { cardId: "asc" }] }),
    reviews: await db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    sessions: await db.session.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  };
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome | string> {
  try {
    return (await promise) === "unchanged" ? "unchanged" : "ok";
  } catch (error) {
    const status = error instanceof DomainError ? httpStatusOf(error) : null;
    if (status === 403 || status === 404 || status === 409) return status;
    return `unexpected ${String(error)}`;
  }
}

const SIGNED_IN = ROLES.filter((r): r is SignedIn => r !== "anonymous");

describe("server actions, through the services they call", () => {
  for (const key of ACTION_KEYS) {
    for (const role of SIGNED_IN) {
      const expected = ACTION_ROWS[key].expect[role];
      it(`${key.split("#")[1]} as ${role}: ${expected === "ok" ? "allowed" : expected}`, async () => {
        const f = await fixture();
        const before = await snapshot(f);
        expect(await outcomeOf(ACTION_ROWS[key].call(f.users[role], f))).toBe(expected);
        // A refused action changes nothing.
        if (expected !== "ok") expect(await snapshot(f)).toEqual(before);
      });
    }
  }

  it("signOutEverywhereAction revokes the caller's sessions and nobody else's", async () => {
    const f = await fixture();
    await revokeAllSessions(f.users.studentIn.id, NOW);
    const sessions = await db.session.findMany({ where: { userId: { in: Object.values(f.users).map((u) => u.id) } } });
    expect(sessions.filter((s) => s.revokedAt !== null).map((s) => s.userId)).toEqual([f.users.studentIn.id]);
  });
});

describe("route handlers, through the services they call", () => {
  it("has a row for every route handler under app/api", () => {
    const apiRoutes = HTTP_MATRIX.map((r) => r.route).filter((r) => / \/api\//.test(r) && !r.includes("students.csv"));
    expect(Object.keys(ROUTE_SERVICE_ROWS).sort()).toEqual([...new Set(apiRoutes)].sort());
  });

  for (const [route, row] of Object.entries(ROUTE_SERVICE_ROWS)) {
    for (const role of SIGNED_IN) {
      const expected = row.expect[role];
      it(`${route} as ${role}: ${expected === "ok" ? "allowed" : expected}`, async () => {
        const f = await fixture();
        const before = await snapshot(f);
        expect(await outcomeOf(row.call(f.users[role], f))).toBe(expected);
        if (expected !== "ok" || route.startsWith("GET")) expect(await snapshot(f)).toEqual(before);
      });
    }
  }
});

describe("the dashboard service behind the dashboard page and the CSV route", () => {
  const expected: Record<SignedIn, Outcome> = { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 };
  for (const role of SIGNED_IN) {
    it(`as ${role}: ${expected[role] === "ok" ? "allowed" : expected[role]}`, async () => {
      const f = await fixture();
      expect(
        await outcomeOf(
          computeAssignmentDashboard(f.users[role], { classId: f.classId, assignmentId: f.assignmentId }, NOW),
        ),
      ).toBe(expected[role]);
    });
  }

  it("answers 404, not 500, for ids that are not ids", async () => {
    const f = await fixture();
    expect(
      await outcomeOf(
        computeAssignmentDashboard(f.users.owner, { classId: "nope", assignmentId: f.assignmentId }, NOW),
      ),
    ).toBe(404);
    expect(
      await outcomeOf(computeAssignmentDashboard(f.users.owner, { classId: f.classId, assignmentId: "nope" }, NOW)),
    ).toBe(404);
  });
});

describe("the memory-model services behind the class and assignment pages", () => {
  const expected: Record<SignedIn, Outcome> = { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 };
  const services: Record<string, (u: PublicUser, f: Fixture) => Promise<unknown>> = {
    "the plan to a date": (u, f) => computeAssignmentPlan(u, { classId: f.classId, assignmentId: f.assignmentId }, NOW),
    "the calibration": (u, f) => classCalibration(u, f.classId, NOW),
    "the fit status": (u, f) => classFitStatus(u, f.classId),
  };
  for (const [name, call] of Object.entries(services)) {
    for (const role of SIGNED_IN) {
      it(`${name} as ${role}: ${expected[role] === "ok" ? "allowed" : expected[role]}`, async () => {
        const f = await fixture();
        expect(await outcomeOf(call(f.users[role], f))).toBe(expected[role]);
      });
    }
  }
});
