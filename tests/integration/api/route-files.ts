import fs from "node:fs";
import path from "node:path";

// Every route handler under app/api, found on disk so that a new route cannot be left out of the
// tests that walk them all (error-bodies.test.ts, fuzz.test.ts).

export const API_ROOT = "app/api";
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const GARBAGE_ID = "not-an-id";
/**
 * Auth.js answers its own endpoints (redirects, its session JSON). Only the 429 in front of it is
 * ours, and tests/e2e/auth-http.test.ts checks its code: next-auth's main module cannot be loaded
 * outside Next's bundler (it imports "next/server" without an extension).
 */
export const AUTH_JS_ROUTE = "app/api/auth/[...nextauth]/route.ts";

export type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export const ROUTE_FILES = walk(API_ROOT)
  .filter((file) => /^route\.(ts|js)$/.test(path.basename(file)))
  .map((file) => file.split(path.sep).join("/"))
  .sort();

/** The URL and params of a route file with every dynamic segment filled with `value`. */
export function requestTarget(file: string, value: string) {
  const params: Record<string, string | string[]> = {};
  const segments = path.posix
    .dirname(path.posix.relative("app", file))
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s));
  const filled = segments.map((segment) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    if (catchAll) return (params[catchAll[1]!] = [value]).join("/");
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (dynamic) return (params[dynamic[1]!] = value);
    return segment;
  });
  return { url: `http://localhost/${filled.join("/")}`, context: { params: Promise.resolve(params) } };
}

export async function handlersOf(file: string): Promise<[string, Handler][]> {
  const mod = (await import(path.resolve(file))) as Record<string, unknown>;
  return HTTP_METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]);
}
