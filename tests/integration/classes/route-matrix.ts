// The authorization matrix: every class, assignment and dashboard route and action × every kind of
// user. authorization.test.ts scans app/classes, app/join and app/api/classes and fails when a
// page, route handler or server action has no row here; tests/e2e/classes-authz.test.ts requests
// every HTTP row from the running app, and authorization.test.ts calls every action's service.

export const ROLES = ["anonymous", "studentIn", "studentOut", "owner", "otherTeacher"] as const;
export type Role = (typeof ROLES)[number];

/** What a page or route answers: a status, or (pages, signed out) a redirect to sign-in. */
export type HttpAnswer = 200 | 401 | 403 | 404 | "sign-in";

/** The ids a row's path is built from (the e2e test creates them through the UI). */
export interface MatrixFixture {
  classId: string;
  assignmentId: string;
  joinCode: string;
}

export interface HttpRow {
  /** Method and route as the file system spells it, e.g. "GET /classes/[classId]". */
  route: string;
  /** Which case of the route this row tries (several rows may share a route). */
  variant: string;
  path: (f: MatrixFixture) => string;
  expect: Record<Role, HttpAnswer>;
}

const signedOutPage = "sign-in" as const;

export const HTTP_MATRIX: HttpRow[] = [
  {
    route: "GET /classes",
    variant: "list of one's own classes",
    path: () => "/classes",
    expect: { anonymous: signedOutPage, studentIn: 200, studentOut: 200, owner: 200, otherTeacher: 200 },
  },
  {
    route: "GET /classes/[classId]",
    variant: "the class",
    path: (f) => `/classes/${f.classId}`,
    expect: { anonymous: signedOutPage, studentIn: 200, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "GET /classes/[classId]",
    variant: "an id that is not a uuid",
    path: () => "/classes/not-a-class",
    expect: { anonymous: signedOutPage, studentIn: 404, studentOut: 404, owner: 404, otherTeacher: 404 },
  },
  {
    route: "GET /classes/[classId]/assignments/[assignmentId]",
    variant: "the dashboard",
    path: (f) => `/classes/${f.classId}/assignments/${f.assignmentId}`,
    expect: { anonymous: signedOutPage, studentIn: 404, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "GET /classes/[classId]/assignments/[assignmentId]",
    variant: "an assignment of another class",
    path: (f) => `/classes/${f.classId}/assignments/00000000-0000-4000-8000-000000000000`,
    expect: { anonymous: signedOutPage, studentIn: 404, studentOut: 404, owner: 404, otherTeacher: 404 },
  },
  {
    route: "GET /join/[code]",
    variant: "the class's code",
    path: (f) => `/join/${f.joinCode}`,
    // Knowing the code is what entitles one to see the class's name; teachers are told they cannot join.
    expect: { anonymous: signedOutPage, studentIn: 200, studentOut: 200, owner: 200, otherTeacher: 200 },
  },
  {
    route: "GET /join/[code]",
    variant: "a code no class has",
    path: () => "/join/ZZZZ-ZZZZ",
    expect: { anonymous: signedOutPage, studentIn: 404, studentOut: 404, owner: 404, otherTeacher: 404 },
  },
  {
    route: "GET /api/classes/[classId]/assignments/[assignmentId]/students.csv",
    variant: "the CSV export",
    path: (f) => `/api/classes/${f.classId}/assignments/${f.assignmentId}/students.csv`,
    expect: { anonymous: 401, studentIn: 403, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
];

/** Server actions, keyed "file#export"; their rows (service calls per role) are in authorization.test.ts. */
export const ACTION_KEYS = [
  "app/classes/actions.ts#createClassAction",
  "app/classes/actions.ts#regenerateJoinCodeAction",
  "app/classes/actions.ts#removeStudentAction",
  "app/classes/actions.ts#createAssignmentAction",
  "app/classes/actions.ts#deleteAssignmentAction",
  "app/classes/actions.ts#leaveClassAction",
  "app/join/actions.ts#joinClassAction",
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];
