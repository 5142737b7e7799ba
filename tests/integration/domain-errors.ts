import { expect } from "vitest";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";

/**
 * How the API would answer the domain error that `promise` rejects with (status, code, message):
 * lib/ throws kinds, not statuses; app/_lib/route.ts maps them.
 *
 * @example await expect(answerOfRejection(joinClass(user, code, now))).resolves.toMatchObject({ status: 404 })
 */
export async function answerOfRejection(
  promise: Promise<unknown>,
): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  return { status: httpStatusOf(domain), code: domain.code, message: domain.message };
}

/** Expects `promise` to reject with a domain error the API would answer with `status` (and `message`). */
export async function expectDomainError(
  promise: Promise<unknown>,
  status: number,
  message?: RegExp,
): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(httpStatusOf(error as DomainError)).toBe(status);
  if (message) expect((error as DomainError).message).toMatch(message);
  return error as DomainError;
}
