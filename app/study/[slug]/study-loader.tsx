"use client";

import { useEffect, useState } from "react";
import { loadStudy } from "@/app/study/[slug]/offline-store";
import { StudySession } from "@/app/study/[slug]/study-session";
import type { QueueCard } from "@/app/study/[slug]/study-client";
import type { RestoredStudy } from "@/app/study/[slug]/study-state";

/**
 * Reads what this browser kept for the deck (answers given offline, cards recorded) before the
 * session starts, so its first queue leaves those cards out (docs/decisions/010-offline-study.md).
 */
export function StudyLoader(props: {
  slug: string;
  userId: string;
  /** The account's zone: "due tomorrow" is counted on its calendar, not the browser's. */
  timeZone: string;
  typeLabels: Record<QueueCard["type"], string>;
}) {
  const { slug, userId } = props;
  const [restored, setRestored] = useState<RestoredStudy | null>(null);
  useEffect(() => {
    let current = true;
    void loadStudy(userId, slug).then((study) => current && setRestored(study));
    return () => {
      current = false;
    };
  }, [userId, slug]);
  if (!restored) return <p className="card text-muted">Loading your cards…</p>;
  return <StudySession {...props} restored={restored} />;
}
