// The authorization matrix: every page, route handler and server action that touches a user's data
// (classes, assignments, dashboards, drafts, decks, reviews, progress, account) × every kind of
// user. authorization.test.ts scans MATRIX_ROOTS and fails when a page, route handler or server
// action has no row here; tests/e2e/classes-authz.test.ts requests every HTTP row from the running
// app, and authorization.test.ts calls every action's and route's service.
//
// The owner is a teacher who owns the class, a draft, a private deck and reviews of its cards;
// another user's ids must get the product's "hidden" answer (404, or 403 where the user may know
// the thing exists) and change nothing.

export const MATRIX_ROOTS = [
  "app/classes",
  "app/join",
  "app/api/classes",
  "app/drafts",
  "app/api/drafts",
  "app/decks",
  "app/api/decks",
  "app/api/reviews",
  "app/api/session",
  "app/progress",
  "app/account",
];

export const ROLES = ["anonymous", "studentIn", "studentOut", "owner", "otherTeacher"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a page or route answers: a status, or a page's redirect: to sign-in (signed out), or home
 * (a student on a teachers' page).
 */
export type HttpAnswer = 200 | 201 | 401 | 403 | 404 | 409 | "sign-in" | "home";

/** The ids a row's path is built from (the e2e test creates them through the UI). */
export interface MatrixFixture {
  classId: string;
  assignmentId: string;
  joinCode: string;
  /** The owner's draft. */
  draftId: string;
  /** The owner's private deck (assigned to no class), and one of its cards the owner reviewed twice. */
  deckSlug: string;
  cardId: string;
  /** The owner's first review of that card: not its latest, so even the owner cannot undo it (409). */
  reviewId: string;
}

/** A version no draft or card has reached: the owner's write is refused as stale and changes nothing. */
export const STALE_VERSION = 999_999;

export interface HttpRow {
  /** Method and route as the file system spells it, e.g. "GET /classes/[classId]". */
  route: string;
  /** Which case of the route this row tries (several rows may share a route). */
  variant: string;
  path: (f: MatrixFixture) => string;
  /** GET when absent. */
  method?: "POST" | "PUT";
  body?: (f: MatrixFixture) => unknown;
  expect: Record<Role, HttpAnswer>;
}

const signedOutPage = "sign-in" as const;
const teachersOnlyPage = "home" as const;

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
  {
    route: "GET /drafts",
    variant: "list of one's own drafts",
    path: () => "/drafts",
    expect: {
      anonymous: signedOutPage,
      studentIn: teachersOnlyPage,
      studentOut: teachersOnlyPage,
      owner: 200,
      otherTeacher: 200,
    },
  },
  {
    route: "GET /drafts/[id]",
    variant: "the draft's editor",
    path: (f) => `/drafts/${f.draftId}`,
    expect: {
      anonymous: signedOutPage,
      studentIn: teachersOnlyPage,
      studentOut: teachersOnlyPage,
      owner: 200,
      otherTeacher: 404,
    },
  },
  {
    route: "GET /decks/new",
    variant: "the new-deck form",
    path: () => "/decks/new",
    expect: {
      anonymous: signedOutPage,
      studentIn: teachersOnlyPage,
      studentOut: teachersOnlyPage,
      owner: 200,
      otherTeacher: 200,
    },
  },
  {
    route: "GET /decks/[slug]",
    variant: "a private deck",
    path: (f) => `/decks/${f.deckSlug}`,
    expect: { anonymous: signedOutPage, studentIn: 404, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "GET /decks/[slug]/article",
    variant: "a private deck's article",
    path: (f) => `/decks/${f.deckSlug}/article`,
    expect: { anonymous: signedOutPage, studentIn: 404, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "GET /progress",
    variant: "one's own progress",
    path: () => "/progress",
    expect: { anonymous: signedOutPage, studentIn: 200, studentOut: 200, owner: 200, otherTeacher: 200 },
  },
  {
    route: "GET /account",
    variant: "one's own account",
    path: () => "/account",
    expect: { anonymous: signedOutPage, studentIn: 200, studentOut: 200, owner: 200, otherTeacher: 200 },
  },
  {
    route: "GET /account/data",
    variant: "one's own data as a file",
    path: () => "/account/data",
    // No id in the path: each user gets their own data and nobody else's.
    expect: { anonymous: 401, studentIn: 200, studentOut: 200, owner: 200, otherTeacher: 200 },
  },
  {
    route: "GET /api/drafts/[id]",
    variant: "the draft",
    path: (f) => `/api/drafts/${f.draftId}`,
    expect: { anonymous: 401, studentIn: 403, studentOut: 403, owner: 200, otherTeacher: 404 },
  },
  {
    route: "PUT /api/drafts/[id]",
    variant: "an autosave from a stale version",
    path: (f) => `/api/drafts/${f.draftId}`,
    method: "PUT",
    body: () => ({ version: STALE_VERSION, title: "Overwritten", outlet: "", sourceUrl: "", cards: [] }),
    expect: { anonymous: 401, studentIn: 403, studentOut: 403, owner: 409, otherTeacher: 404 },
  },
  {
    route: "POST /api/drafts/[id]/publish",
    variant: "a publish from a stale version",
    path: (f) => `/api/drafts/${f.draftId}/publish`,
    method: "POST",
    body: () => ({ version: STALE_VERSION }),
    expect: { anonymous: 401, studentIn: 403, studentOut: 403, owner: 409, otherTeacher: 404 },
  },
  {
    route: "GET /api/decks/[slug]/queue",
    variant: "a private deck's queue",
    path: (f) => `/api/decks/${f.deckSlug}/queue`,
    expect: { anonymous: 401, studentIn: 404, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "GET /api/session",
    variant: "who is signed in (takes no id: it can only name the caller)",
    path: () => "/api/session",
    expect: { anonymous: 401, studentIn: 200, studentOut: 200, owner: 200, otherTeacher: 200 },
  },
  {
    route: "GET /api/decks/[slug]/export",
    variant: "the private deck as an Anki package",
    path: (f) => `/api/decks/${f.deckSlug}/export?format=apkg`,
    expect: { anonymous: 401, studentIn: 404, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "GET /api/decks/[slug]/export",
    variant: "the private deck as CSV",
    path: (f) => `/api/decks/${f.deckSlug}/export?format=csv`,
    expect: { anonymous: 401, studentIn: 404, studentOut: 404, owner: 200, otherTeacher: 404 },
  },
  {
    route: "POST /api/reviews",
    variant: "a review of a private deck's card from a stale version",
    path: () => "/api/reviews",
    method: "POST",
    body: (f) => ({
      reviewId: crypto.randomUUID(),
      cardId: f.cardId,
      version: STALE_VERSION,
      rating: "good",
      answerMs: 4000,
    }),
    expect: { anonymous: 401, studentIn: 404, studentOut: 404, owner: 409, otherTeacher: 404 },
  },
  {
    route: "POST /api/reviews/[id]/undo",
    variant: "the owner's review that is not the card's latest",
    path: (f) => `/api/reviews/${f.reviewId}/undo`,
    method: "POST",
    expect: { anonymous: 401, studentIn: 404, studentOut: 404, owner: 409, otherTeacher: 404 },
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
  "app/classes/model-actions.ts#applyRetentionAction",
  "app/classes/model-actions.ts#requestClassFitAction",
  "app/join/actions.ts#joinClassAction",
  "app/decks/new/actions.ts#createDraftAction",
  "app/decks/[slug]/actions.ts#updateDeckSettingsAction",
  "app/decks/new/import-actions.ts#previewImportAction",
  "app/decks/new/import-actions.ts#createImportAction",
  "app/drafts/actions.ts#deleteDraftAction",
  "app/progress/actions.ts#unsuspendAction",
  "app/account/actions.ts#signOutEverywhereAction",
  "app/account/actions.ts#updateStudyDayAction",
  "app/account/actions.ts#changePasswordAction",
  "app/account/actions.ts#changeNameAction",
  "app/account/actions.ts#deleteAccountAction",
] as const;

/**
 * Actions that take no id and act only on the caller's own browser session, so they need no
 * signed-in user: signing out (Auth.js revokes this browser's session row).
 */
export const SESSION_ONLY_ACTION_KEYS = ["app/account/actions.ts#signOutAction"] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];
