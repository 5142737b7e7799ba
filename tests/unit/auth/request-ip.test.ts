import { describe, expect, it } from "vitest";
import { clientAddress, UNKNOWN_ADDRESS } from "@/lib/auth/request-ip";

const TAG = "process-secret";
const headersOf = (h: Record<string, string>) => new Headers(h);

describe("the client's address for rate limits", () => {
  it("ignores X-Forwarded-For when no proxy is trusted, using the stamped socket address", () => {
    const h = headersOf({ "x-forwarded-for": "203.0.113.9", "x-clio-socket-address": `${TAG} 192.0.2.10` });
    expect(clientAddress(h, 0, TAG)).toBe("192.0.2.10");
  });

  it("refuses a socket stamp the client forged, falling back to one shared bucket", () => {
    const h = headersOf({ "x-forwarded-for": "203.0.113.9", "x-clio-socket-address": "guessed 192.0.2.66" });
    expect(clientAddress(h, 0, TAG)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(headersOf({ "x-forwarded-for": "203.0.113.9" }), 0, TAG)).toBe(UNKNOWN_ADDRESS);
  });

  it("takes the Nth entry from the right behind N trusted proxies, whatever the client prepended", () => {
    const h = headersOf({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(h, 1, TAG)).toBe("10.0.0.2");
    expect(clientAddress(h, 2, TAG)).toBe("203.0.113.9");
  });

  it("falls back to the socket address when the chain is shorter than the proxies configured", () => {
    const h = headersOf({ "x-clio-socket-address": `${TAG} 192.0.2.10` });
    expect(clientAddress(h, 1, TAG)).toBe("192.0.2.10");
  });
});
