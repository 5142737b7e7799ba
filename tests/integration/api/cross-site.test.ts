import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postReview } from "@/app/api/reviews/route";
import { MAX_JSON_BODY_BYTES } from "@/app/_lib/route";
import { getAuthSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { makeDeck, makeUser } from "../fixtures";

// The JSON API's CSRF defence and body limit (app/_lib/route.ts), through a real route: a write
// with the victim's valid session cookie is refused unless it is JSON from Clio's own origin.

const URL_ = "http://clio.example/api/reviews";
let cookie: string;
let userId: string;
let cardId: string;
beforeAll(async () => {
  const student = await makeUser("student");
  userId = student.id;
  const sid = await createSession(student.id, new Date());
  cookie = `authjs.session-token=${await encode({ token: { sid }, secret: getAuthSecret(), salt: "authjs.session-token" })}`;
  cardId = (await makeDeck("cross-site-tests")).cards.find((c) => c.type === "basic")!.id;
});

const review = () => JSON.stringify({ reviewId: randomUUID(), cardId, version: 0, rating: "good", answerMs: 3000 });
const reviewCount = () => db.reviewLog.count({ where: { userId } });

async function send(headers: Record<string, string>, body: BodyInit = review()) {
  const res = await postReview(new Request(URL_, { method: "POST", headers: { cookie, ...headers }, body }));
  return { status: res.status, body: (await res.json()) as { error: string; code: string } };
}

describe("writes to the JSON API from elsewhere", () => {
  it("refuses a text/plain form post from another site that carries a valid session cookie", async () => {
    // What <form enctype="text/plain" action=".../api/reviews"> on another site sends.
    const res = await send({
      "content-type": "text/plain",
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(res).toMatchObject({ status: 403, body: { code: "cross_origin" } });
    expect(await reviewCount()).toBe(0);
  });

  it("refuses a post from a sibling subdomain (same site, another origin), which SameSite=Lax lets through", async () => {
    const res = await send({
      "content-type": "application/json",
      origin: "https://other.clio.example",
      "sec-fetch-site": "same-site",
    });
    expect(res).toMatchObject({ status: 403, body: { code: "cross_origin" } });
    const noFetchMetadata = await send({ "content-type": "application/json", origin: "https://other.clio.example" });
    expect(noFetchMetadata).toMatchObject({ status: 403, body: { code: "cross_origin" } });
    expect(await reviewCount()).toBe(0);
  });

  it("refuses a write that names no origin at all", async () => {
    expect(await send({ "content-type": "application/json" })).toMatchObject({
      status: 403,
      body: { code: "cross_origin" },
    });
  });

  it("refuses a same-origin body that is not JSON with 415", async () => {
    const res = await send({
      "content-type": "text/plain",
      origin: "http://clio.example",
      "sec-fetch-site": "same-origin",
    });
    expect(res).toMatchObject({ status: 415, body: { code: "unsupported_media_type" } });
    expect(await reviewCount()).toBe(0);
  });

  it("accepts JSON from its own origin", async () => {
    const res = await send({
      "content-type": "application/json",
      origin: "http://clio.example",
      "sec-fetch-site": "same-origin",
    });
    expect(res.status).toBe(201);
    expect(await reviewCount()).toBe(1);
  });

  it("answers 413 with a code for a body over the limit, declared or streamed", async () => {
    const headers = { "content-type": "application/json", origin: "http://clio.example" };
    const big = JSON.stringify({ padding: "x".repeat(MAX_JSON_BODY_BYTES) });
    expect(await send(headers, big)).toMatchObject({ status: 413, body: { code: "body_too_large" } });
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await postReview(
      new Request(URL_, {
        method: "POST",
        headers: { cookie, ...headers },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("body_too_large");
  });
});
