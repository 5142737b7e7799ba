import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SrsSettings } from "@/lib/srs";
import type { ParameterScope } from "./adoption";

// The one place that says which memory model a student is scheduled with (issue 11): scheduling
// (lib/study/review.ts), the answer buttons' labels (lib/study/queue.ts) and the teacher's
// predictions (lib/classes) all ask here, so the three never disagree.

/** The parameter set a student is scheduled with. */
export interface StudentParameters {
  scope: ParameterScope;
  /** The 21 FSRS-6 weights; undefined: FSRS-6's defaults. */
  parameters: number[] | undefined;
  /** The `ParameterSet` row, null for the defaults. */
  setId: string | null;
}

const DEFAULTS: StudentParameters = Object.freeze({ scope: "default", parameters: undefined, setId: null });

/**
 * The student's picked parameter set (`ParameterPick`, written by the adoption rule in
 * lib/models/fitting.ts), or FSRS-6's defaults when there is none.
 *
 * @example
 * const chosen = await parametersForStudent(user.id);
 * gradeCard(state, "good", now, withStudentParameters(settings, chosen));
 */
export async function parametersForStudent(userId: string): Promise<StudentParameters> {
  return (await parametersForStudents([userId])).get(userId) ?? DEFAULTS;
}

/** The student's pick as one JSON value, as `studentParametersSql` selects it (null: none). */
export type StudentParametersJson = { scope: ParameterScope; setId: string; parameters: number[] } | null;

/**
 * `parametersForStudent` as a scalar subquery, for a statement that runs anyway (the review's card
 * lookup, lib/study/review.ts): one round trip instead of two. Read it with `studentParametersOf`.
 */
export function studentParametersSql(userId: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('scope', p.scope, 'setId', s.id, 'parameters', s.parameters)
    FROM "ParameterPick" p JOIN "ParameterSet" s ON s.id = p."parameterSetId" WHERE p."userId" = ${userId}::uuid)`;
}

/** The parameter set `studentParametersSql` selected, as scheduling uses it. */
export function studentParametersOf(json: StudentParametersJson): StudentParameters {
  return json ? { scope: json.scope, parameters: json.parameters, setId: json.setId } : DEFAULTS;
}

/** `parametersForStudent` for many students in one query (a class dashboard). */
export async function parametersForStudents(userIds: readonly string[]): Promise<Map<string, StudentParameters>> {
  // One statement through queryRows, not Prisma's compiler and a second query for the relation.
  // (A review and a queue load read the student's set inside their own statements: studentParametersSql.)
  const picks =
    userIds.length === 0
      ? []
      : await queryRows<{ userId: string; scope: ParameterScope; setId: string; parameters: number[] }>(Prisma.sql`
          SELECT p."userId"::text AS "userId", p.scope::text AS scope, s.id::text AS "setId", s.parameters
          FROM "ParameterPick" p JOIN "ParameterSet" s ON s.id = p."parameterSetId"
          WHERE p."userId" = ANY(${[...userIds]}::uuid[])`);
  const chosen = new Map<string, StudentParameters>(userIds.map((id) => [id, DEFAULTS]));
  for (const pick of picks)
    chosen.set(pick.userId, { scope: pick.scope, parameters: pick.parameters, setId: pick.setId });
  return chosen;
}

/** `settings` scheduling with the student's parameter set. */
export function withStudentParameters(settings: SrsSettings, chosen: StudentParameters): SrsSettings {
  return chosen.parameters ? { ...settings, parameters: chosen.parameters } : settings;
}
