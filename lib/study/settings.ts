import { env } from "@/lib/env";
import type { SrsSettings } from "@/lib/srs";

/** A deck's scheduling columns as lib/srs settings. Fuzz is off in tests so schedules are exact. */
export function deckSrsSettings(deck: {
  desiredRetention: number;
  learningSteps: string[];
  relearningSteps: string[];
  maximumInterval: number;
  leechThreshold: number;
}): SrsSettings {
  return {
    desiredRetention: deck.desiredRetention,
    learningSteps: deck.learningSteps,
    relearningSteps: deck.relearningSteps,
    maximumInterval: deck.maximumInterval,
    leechThreshold: deck.leechThreshold,
    enableFuzz: env.NODE_ENV !== "test",
  };
}
