import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { ForbiddenError, MalformedError, NotFoundError } from "@/lib/errors";

/**
 * The page transport: what `loading` resolves to, or the 404 page when lib/ says it is not the
 * user's to see. Pages hide existence, so Forbidden (a student opening their teacher's dashboard)
 * answers 404 like NotFound (Next's forbidden() is still experimental; route handlers say 403). A
 * page's only input is its URL, so a malformed one (MalformedError, ZodError) is a page that does
 * not exist either. Anything else is a real failure and propagates.
 *
 * @example const draft = await orNotFound(loadDraft(user, id));
 */
export async function orNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (
      error instanceof NotFoundError ||
      error instanceof ForbiddenError ||
      error instanceof MalformedError ||
      error instanceof ZodError
    )
      notFound();
    throw error;
  }
}

/** A path segment percent-decoded, or the 404 page when it is not valid percent-encoding (`%ff`). */
export function decodedOrNotFound(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    notFound();
  }
}
