import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { PUT as putDraft } from "@/app/api/drafts/[id]/route";
import { getAuthSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/auth/sessions";
import { createClass } from "@/lib/classes/classes";
import { db } from "@/lib/db";
import { makeUser } from "../fixtures";

// NUL bytes and lone surrogates reached PostgreSQL and came back as 500s; they are refused at the edge.
let teacher: Awaited<ReturnType<typeof makeUser>>;
let cookie: string;
beforeAll(async () => {
  teacher = await makeUser("teacher");
  const sid = await createSession(teacher.id, new Date());
  cookie = `authjs.session-token=${await encode({ token: { sid }, secret: getAuthSecret(), salt: "authjs.session-token" })}`;
});

describe("text that cannot be stored", () => {
  it("refuses a class name with a NUL byte or a lone surrogate as invalid input, writing nothing", async () => {
    for (const name of ["History\u0000 11B", "History \uD800"])
      await expect(createClass(teacher, { name }, new Date())).rejects.toBeInstanceOf(ZodError);
    expect(await db.class.count({ where: { ownerId: teacher.id } })).toBe(0);
  });

  it("answers a JSON body holding one anywhere with 400 invalid_text, naming where", async () => {
    const url = "http://clio.example/api/drafts/00000000-0000-4000-8000-000000000000";
    for (const body of ['{"version":1,"title":"A\\u0000"}', '{"version":1,"cards":[{"prompt":"\\ud800"}]}']) {
      const res = await putDraft(
        new Request(url, {
          method: "PUT",
          headers: { cookie, origin: "http://clio.example", "content-type": "application/json" },
          body,
        }),
        { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) },
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "invalid_text" });
    }
  });
});
