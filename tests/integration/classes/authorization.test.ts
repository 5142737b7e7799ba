import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/auth/users";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { createAssignment, deleteAssignment } from "@/lib/classes/assignments";
import { createClass, joinClass, leaveClass, regenerateJoinCode, removeStudent } from "@/lib/classes/classes";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { ACTION_KEYS, HTTP_MATRIX, ROLES, type ActionKey, type Role } from "./route-matrix";
import { makeDeck, makeUser } from "./fixtures";

// The authorization matrix, part one. Pages and route handlers are requested over HTTP from the
// running app in tests/e2e/classes-authz.test.ts. Server actions are public POST endpoints too,
// but calling one over HTTP needs its build-specific action id; so here each action's service
// (where the authorization lives) is called as each kind of user, and each action is checked to
// sign the user in before anything else (signed out, requireUser redirects to sign-in). This file
// also makes sure that every page, route handler and action under app/classes, app/join and
// app/api/classes has a row.

const NOW = new Date("2026-11-27T09:00:00Z");
const ROOTS = ["app/classes", "app/join", "app/api/classes"];
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Route path of a file under app/: route groups dropped, e.g. "/classes/[classId]". */
function routeOf(file: string): string {
  const segments = path.dirname(path.relative("app", file)).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function discover() {
  const routes = new Set<string>();
  const actions = new Set<string>();
  const problems: string[] = [];
  for (const file of ROOTS.flatMap(walk).filter((f) => /\.(ts|tsx)$/.test(f))) {
    const text = fs.readFileSync(file, "utf8");
    const name = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) routes.add(`GET ${routeOf(file)}`);
    if (/^route\.(ts|js)$/.test(name)) {
      for (const method of HTTP_METHODS) {
        if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(text)) routes.add(`${method} ${routeOf(file)}`);
      }
    }
    const fileLevel = /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text);
    if (fileLevel) {
      for (const m of text.matchAll(/export\s+async\s+function\s+(\w+)/g)) actions.add(`${file.split(path.sep).join("/")}#${m[1]}`);
      if (/export\s+(const|let|default)\b/.test(text)) problems.push(`${file}: export server actions as "export async function name(...)" so the matrix can see them`);
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
    expect([...routes].filter((r) => !rows.has(r)), "routes without a row in tests/integration/classes/route-matrix.ts").toEqual([]);
    expect([...rows].filter((r) => !routes.has(r)), "rows for routes that no longer exist").toEqual([]);
    expect(routes.size).toBeGreaterThanOrEqual(5);
  });

  it("has a row for every server action, and every action signs the user in first", () => {
    const { actions } = discover();
    expect([...actions].sort()).toEqual([...ACTION_KEYS].sort());
    expect(Object.keys(ACTION_ROWS).sort()).toEqual([...ACTION_KEYS].sort());
    for (const key of ACTION_KEYS) {
      const [file, name] = key.split("#") as [string, string];
      const text = fs.readFileSync(file, "utf8");
      const body = new RegExp(`export\\s+async\\s+function\\s+${name}\\([^)]*\\)[^{]*\\{\\s*const user = await require(User|Teacher)\\(`);
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
  const { id: assignmentId } = await createAssignment(users.owner, { classId, deckId: deckA, dueDate: "2026-12-20", targetPercent: 80, requireAllStudied: true }, NOW);
  return { users, classId, joinCode, assignmentId };
}

type Outcome = "ok" | 403 | 404;
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
    call: (u, f) => createAssignment({ ...u }, { classId: f.classId, deckId: deckB, dueDate: "2026-12-21", targetPercent: 75, requireAllStudied: false }, NOW),
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
  "app/join/actions.ts#joinClassAction": {
    call: (u, f) => joinClass(u, f.joinCode, NOW),
    expect: { studentIn: "ok", studentOut: "ok", owner: 403, otherTeacher: 403 },
  },
};

/** Everything about the fixture's class that an action could change. */
async function snapshot(f: Fixture) {
  return {
    cls: await db.class.findUnique({ where: { id: f.classId } }),
    members: await db.membership.findMany({ where: { classId: f.classId }, orderBy: { userId: "asc" } }),
    assignments: await db.assignment.findMany({ where: { classId: f.classId }, orderBy: { id: "asc" } }),
    classes: await db.class.count(),
  };
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome | string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const status = error instanceof DomainError ? httpStatusOf(error) : null;
    if (status === 403 || status === 404) return status;
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
});

describe("the dashboard service behind the dashboard page and the CSV route", () => {
  const expected: Record<SignedIn, Outcome> = { studentIn: 403, studentOut: 404, owner: "ok", otherTeacher: 404 };
  for (const role of SIGNED_IN) {
    it(`as ${role}: ${expected[role] === "ok" ? "allowed" : expected[role]}`, async () => {
      const f = await fixture();
      expect(await outcomeOf(computeAssignmentDashboard(f.users[role], { classId: f.classId, assignmentId: f.assignmentId }, NOW))).toBe(expected[role]);
    });
  }

  it("answers 404, not 500, for ids that are not ids", async () => {
    const f = await fixture();
    expect(await outcomeOf(computeAssignmentDashboard(f.users.owner, { classId: "nope", assignmentId: f.assignmentId }, NOW))).toBe(404);
    expect(await outcomeOf(computeAssignmentDashboard(f.users.owner, { classId: f.classId, assignmentId: "nope" }, NOW))).toBe(404);
  });
});
