import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/auth/users";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/uuid";

/** Who is asking: every class service takes the signed-in user and scopes its queries by them. */
export type ClassUser = Pick<PublicUser, "id" | "role">;

// One rule for every teacher-only service: a class you own answers; a class you are a student in
// is forbidden (you know it exists, but this is the teacher's); any other class is not found,
// whether or not it exists, so ids of other teachers' classes reveal nothing.
export const CLASS_NOT_FOUND = "There is no such class among yours. Open it from your list of classes.";
export const TEACHER_ONLY = "Only the class's teacher can do this.";

/** The class, if `user` owns it; otherwise ForbiddenError (a student of it) or NotFoundError (anyone else). */
export async function requireOwnedClass(user: ClassUser, classId: string) {
  if (!isUuid(classId)) throw new NotFoundError(CLASS_NOT_FOUND, "class_not_found");
  const owned = await db.class.findFirst({ where: { id: classId, ownerId: user.id } });
  if (owned) return owned;
  if (await isMember(user, classId)) throw new ForbiddenError(TEACHER_ONLY, "teacher_only");
  throw new NotFoundError(CLASS_NOT_FOUND, "class_not_found");
}

export async function isMember(user: Pick<ClassUser, "id">, classId: string): Promise<boolean> {
  if (!isUuid(classId)) return false;
  return (await db.membership.count({ where: { classId, userId: user.id } })) > 0;
}

/** For teacher-only actions that are not about one class (creating one). */
export function requireTeacherRole(user: ClassUser, message: string): void {
  if (user.role !== "teacher") throw new ForbiddenError(message, "teacher_only");
}
