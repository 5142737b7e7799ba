"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, callApi, NETWORK_ERROR } from "@/app/_lib/api-client";
import type { DraftDocument } from "./editor-state";

export type { DraftDocument } from "./editor-state";

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  /** Another tab saved first: saving stops until the page is reloaded, so nothing newer is overwritten. */
  | { kind: "conflict"; message: string };

const RETRY_AFTER_MS = 5000;

/**
 * Saves the draft a moment after each change (debounced), one request at a time, always the latest
 * state, with the version it was edited from: a stale tab gets 409 and stops instead of overwriting.
 * A failed save is kept and retried (network errors on a timer, others on the next change).
 */
export function useAutosave(draftId: string, initialVersion: number, delayMs = 700) {
  const version = useRef(initialVersion);
  const unsaved = useRef<DraftDocument | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflict = useRef(false);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved" });

  const sendOnce = useCallback(
    async (doc: DraftDocument): Promise<boolean> => {
      try {
        const saved = await callApi<{ version: number }>(`/api/drafts/${draftId}`, {
          method: "PUT",
          json: { ...doc, version: version.current },
          unexplained: (status) => `The server answered ${status}.`,
        });
        version.current = saved.version;
        return true;
      } catch (error) {
        unsaved.current ??= doc;
        if (!(error instanceof ApiError) || error.code === NETWORK_ERROR) {
          setStatus({
            kind: "error",
            message: "No connection to Clio. Your changes are kept in this tab and saved when it is back.",
          });
          timer.current = setTimeout(() => void flushRef.current(), RETRY_AFTER_MS);
        } else if (error.code === "stale_draft") {
          conflict.current = true;
          setStatus({ kind: "conflict", message: error.message });
        } else {
          setStatus({ kind: "error", message: error.message });
        }
        return false;
      }
    },
    [draftId],
  );

  /** Saves everything unsaved now; true when all of it is stored. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    for (;;) {
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (conflict.current) return false;
      const doc = unsaved.current;
      if (!doc) return true;
      unsaved.current = null;
      setStatus({ kind: "saving" });
      const attempt = sendOnce(doc);
      inFlight.current = attempt;
      const ok = await attempt;
      inFlight.current = null;
      if (!ok) return false;
      if (!unsaved.current) setStatus({ kind: "saved" });
    }
  }, [sendOnce]);
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  /** Records the latest state and saves it after a pause in typing. */
  const schedule = useCallback(
    (doc: DraftDocument) => {
      unsaved.current = doc;
      if (conflict.current) return;
      setStatus({ kind: "saving" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), delayMs);
    },
    [delayMs],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved.current || inFlight.current) event.preventDefault();
    };
    // Leaving within the debounce pause: send the last change anyway (keepalive outlives the page).
    const sendLast = () => {
      const doc = unsaved.current;
      if (!doc || inFlight.current || conflict.current) return;
      unsaved.current = null;
      void callApi(`/api/drafts/${draftId}`, {
        method: "PUT",
        keepalive: true,
        json: { ...doc, version: version.current },
      }).catch(() => {});
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", sendLast);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", sendLast);
    };
  }, [draftId]);

  /** After another write that moved the version on (publishing). */
  const setVersion = useCallback((next: number) => {
    version.current = next;
  }, []);
  const markConflict = useCallback((message: string) => {
    conflict.current = true;
    setStatus({ kind: "conflict", message });
  }, []);

  return { status, schedule, flush, version, setVersion, markConflict };
}
