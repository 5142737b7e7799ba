// bench/personalization: fitted memory models (issue 11). Each simulated student of bench/learning-quality
// builds a long review history, scheduled as the app does today (lib/srs with FSRS-6's defaults, the
// deck's learning steps, the student's New York day); their first N reviews train, their next 2,000
// are held out. Five parameter sets predict the held-out reviews: FSRS-6's defaults, the student's own
// fit, the class pool's fit, the set the adoption rule picks (lib/models/adoption.ts), and the
// student's true parameters (the oracle). Fitting and evaluating are lib/srs/fit.ts, the app's own.
// One more row shows what pooling can reach: `classTruth`, one set per class made of its students'
// true weights (each weight the class's mean), the class's memory as one set (not provably the best
// single set: at 5,000 reviews a fitted pool matches it).
//
// Here a student's memory decays by their whole days (as FSRS counts them), not by the hour, so
// the true parameters are the best any fit can do and the oracle row is a floor.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FSRSAlgorithm, generatorParameters } from "ts-fsrs";
import { gradeCard, newMemoryState, nextStudyDay, type MemoryState, type SrsSettings } from "@/lib/srs";
import {
  DEFAULT_PARAMETERS,
  evaluateParameters,
  fitParameters,
  trainingItemsOf,
  type FitReview,
  type ModelEvaluation,
  type TrainingItem,
} from "@/lib/srs/fit";
import { chooseParameterSet, shrunkParameters, ADOPTION_VALIDATION_SHARE } from "@/lib/models/adoption";
import { instantOfWallTime } from "@/lib/srs";
import { OPTIMIZER_PACKAGE } from "@/lib/srs/optimizer";
import type { Student } from "./learning-quality";
import { seededRandom } from "@/lib/seeded-random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STUDY_DAY = { timeZone: "America/New_York", dayStartHour: 4 };
const NEW_CARDS_PER_DAY = 20;

export const SCOPES = ["default", "perUser", "pooled", "adopted", "oracle", "classTruth"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * `count` reviews of one student, in time order: a new deck of recall cards, 20 new cards a day on
 * the days they study, every due card reviewed, learning steps within the session. Answers are
 * right exactly when recalled (the checked correctness the fit is labelled with).
 */
export function simulateHistory(student: Student, settings: SrsSettings, count: number): FitReview[] {
  const random = seededRandom(student.seed ^ 0x5eed);
  const truth = new FSRSAlgorithm(generatorParameters({ w: student.memory, enable_short_term: true }));
  interface SimCard {
    id: string;
    state: MemoryState;
    memory: { stability: number; difficulty: number } | null;
    lastDay: number;
  }
  const cards: SimCard[] = [];
  const reviews: FitReview[] = [];
  for (let day = 0; reviews.length < count; day++) {
    if (random() >= student.sessionChance) continue;
    const date = new Date(Date.UTC(2027, 0, 4 + day));
    const local = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    let t = instantOfWallTime(local, 15, 0, STUDY_DAY.timeZone).getTime() + Math.floor(random() * 6 * HOUR);
    const dayEnd = nextStudyDay(new Date(t), STUDY_DAY).getTime();
    const due = cards.filter((c) => c.state.state === "review" && c.state.due.getTime() < dayEnd);
    for (let i = 0; i < NEW_CARDS_PER_DAY; i++) {
      const card: SimCard = { id: `n${cards.length}`, state: newMemoryState(new Date(t)), memory: null, lastDay: day };
      cards.push(card);
      due.push(card);
    }
    const learning: SimCard[] = cards.filter((c) => c.state.state === "learning" || c.state.state === "relearning");
    const answer = (card: SimCard) => {
      const recall = card.memory ? truth.forgetting_curve(day - card.lastDay, card.memory.stability) : 0.5;
      const recalled = random() < recall;
      const rating = recalled ? "good" : "again";
      reviews.push({ cardId: card.id, reviewedAt: new Date(t), rating, correct: recalled });
      const next = truth.next_state(card.memory, card.memory ? day - card.lastDay : 0, recalled ? 3 : 1);
      card.memory = { stability: next.stability, difficulty: next.difficulty };
      card.lastDay = day;
      card.state = gradeCard(card.state, rating, new Date(t), settings, { cardId: card.id, day: STUDY_DAY }).state;
      if (card.state.state === "learning" || card.state.state === "relearning") learning.push(card);
      t += 8_000 + Math.floor(random() * 8_000);
    };
    while (reviews.length < count) {
      learning.sort((a, b) => a.state.due.getTime() - b.state.due.getTime());
      const first = learning[0];
      if (first && first.state.due.getTime() <= t) {
        learning.shift();
        answer(first);
        continue;
      }
      const next = due.shift();
      if (next) {
        answer(next);
        continue;
      }
      if (first && first.state.due.getTime() - t <= 15 * MINUTE && first.state.due.getTime() < dayEnd) {
        t = first.state.due.getTime();
        continue;
      }
      break;
    }
  }
  return reviews;
}

export interface PersonalizationOptions {
  students: readonly Student[];
  settings: SrsSettings;
  /** Training sizes (reviews per student). */
  sizes: readonly number[];
  /** Held-out reviews after the training ones. */
  heldOut: number;
  /** At sizes above this, only the first `subsample` students of each class are run (time). */
  subsampleAbove?: number;
  subsample?: number;
}

type ScopeFigures = Record<Scope, number>;
export interface SizeFigures {
  students: number;
  logLoss: ScopeFigures;
  rmseBins: ScopeFigures;
  /** How many students the rule gave their own, their class's or the default set. */
  adoptedScopes: Record<"student" | "class" | "default", number>;
}

interface StudentData {
  student: Student;
  items: TrainingItem[];
  reviews: FitReview[];
}

/** Every figure of `personalization`, and each student's adopted set at each size (for the scheduling run). */
export async function runPersonalization(options: PersonalizationOptions) {
  const maxSize = Math.max(...options.sizes);
  const classes = [...new Set(options.students.map((s) => s.className))];
  const inSubsample = (s: Student) =>
    options.students.filter((o) => o.className === s.className).indexOf(s) < (options.subsample ?? Infinity);
  const data: StudentData[] = options.students.map((student) => {
    const needed =
      (options.subsampleAbove !== undefined && !inSubsample(student)
        ? Math.max(...options.sizes.filter((n) => n <= options.subsampleAbove!))
        : maxSize) + options.heldOut;
    const reviews = simulateHistory(student, options.settings, needed);
    return { student, reviews, items: trainingItemsOf(reviews, STUDY_DAY) };
  });

  const bySize: Record<string, SizeFigures> = {};
  const adopted = new Map<number, Map<string, number[]>>();
  let controlAdoptedMinusDefault = -Infinity;
  let fitCpuSeconds20k = Number.NaN;
  let fitPeakMb20k = Number.NaN;
  let fitProcessPeakMb20k = Number.NaN;
  /** Per student and size: the scope adopted and each set's held-out log loss less the defaults' (diagnostics). */
  const details: {
    size: number;
    student: string;
    scope: string;
    minus: Partial<Record<Scope, number>>;
    shrunkMinus: number;
  }[] = [];

  for (const size of options.sizes) {
    const students = data.filter(
      (d) => options.subsampleAbove === undefined || size <= options.subsampleAbove || inSubsample(d.student),
    );
    const splits = students.map((d) => {
      const cut = d.reviews[size]!.reviewedAt.getTime();
      const end = d.reviews[size + options.heldOut - 1]!.reviewedAt.getTime();
      return {
        ...d,
        train: d.items.filter((i) => i.at.getTime() < cut),
        test: d.items.filter((i) => i.at.getTime() >= cut && i.at.getTime() <= end),
      };
    });
    const pooled = new Map<string, number[]>();
    for (const name of classes) {
      pooled.set(name, await fitParameters(splits.filter((s) => s.student.className === name).flatMap((s) => s.train)));
    }
    const classTruth = new Map(
      classes.map((name) => [name, meanWeights(students.filter((d) => d.student.className === name))]),
    );
    const sums = { logLoss: zeroes(), rmseBins: zeroes() };
    const adoptedScopes = { student: 0, class: 0, default: 0 };
    const adoptedHere = new Map<string, number[]>();
    for (const s of splits) {
      const pool = pooled.get(s.student.className)!;
      let own: number[];
      if (size === 20_000 && Number.isNaN(fitCpuSeconds20k)) {
        const measured = await measureFit(s.train);
        own = measured.parameters;
        fitCpuSeconds20k = measured.cpuSeconds;
        fitPeakMb20k = measured.peakMb;
        fitProcessPeakMb20k = measured.processPeakMb;
      } else {
        own = await fitParameters(s.train);
      }
      const choice = await chooseParameterSet({ items: s.train, classParameters: pool, fit: fitParameters });
      adoptedScopes[choice.scope]++;
      // As lib/models/fitting.ts stores it: the fit on all the training reviews, shrunk toward the class's set.
      const adoptedSet = choice.scope === "student" ? shrunkParameters(own, pool, s.train.length) : choice.parameters;
      adoptedHere.set(s.student.id, adoptedSet);
      const sets: Record<Scope, readonly number[]> = {
        default: DEFAULT_PARAMETERS,
        perUser: own,
        pooled: pool,
        adopted: adoptedSet,
        oracle: s.student.memory,
        classTruth: classTruth.get(s.student.className)!,
      };
      const evaluations = Object.fromEntries(
        SCOPES.map((scope) => [scope, evaluateParameters(sets[scope], s.test)]),
      ) as Record<Scope, ModelEvaluation | null>;
      for (const scope of SCOPES) {
        sums.logLoss[scope] += evaluations[scope]?.logLoss ?? Number.NaN;
        sums.rmseBins[scope] += evaluations[scope]?.rmseBins ?? Number.NaN;
      }
      details.push({
        size,
        student: s.student.id,
        scope: choice.scope,
        minus: Object.fromEntries(
          SCOPES.map((scope) => [scope, round(evaluations[scope]!.logLoss - evaluations.default!.logLoss, 4)]),
        ),
        shrunkMinus: round(
          evaluateParameters(shrunkParameters(own, pool, s.train.length), s.test)!.logLoss -
            evaluations.default!.logLoss,
          4,
        ),
      });
      if (s.student.className === "control") {
        controlAdoptedMinusDefault = Math.max(
          controlAdoptedMinusDefault,
          evaluations.adopted!.logLoss - evaluations.default!.logLoss,
        );
      }
    }
    adopted.set(size, adoptedHere);
    const n = splits.length;
    bySize[String(size)] = {
      students: n,
      logLoss: mapScopes((scope) => round(sums.logLoss[scope] / n, 4)),
      rmseBins: mapScopes((scope) => round(sums.rmseBins[scope] / n, 4)),
      adoptedScopes,
    };
  }
  return {
    bySize,
    controlAdoptedMinusDefault: round(controlAdoptedMinusDefault, 4),
    fitCpuSeconds20k: round(fitCpuSeconds20k, 2),
    fitPeakMb20k: Math.round(fitPeakMb20k),
    fitProcessPeakMb20k: Math.round(fitProcessPeakMb20k),
    adopted,
    details,
    validationShare: ADOPTION_VALIDATION_SHARE,
  };
}

/**
 * One fit's CPU time (all threads: the optimizer runs on its own) and memory, in a fresh Node
 * process that does nothing else (in this process, earlier fits' memory would hide the fit's own).
 * Two memory figures, both from the child's own high-water mark (`VmHWM` in /proc/self/status):
 * `processPeakMb`, that process's peak resident set, Node itself (about 45 MB), the optimizer module
 * and the items read from a file included; and `peakMb`, what the fit adds: the peak while
 * `computeParameters` runs (the mark is reset just before it, by writing 5 to /proc/self/clear_refs)
 * less the resident set at that moment, when Node, the module and the items are already in memory
 * (a worker holds them whether it fits or not).
 *
 * Not `process.resourceUsage().maxRSS`: Linux carries the forked parent's peak into the child's
 * across exec, so in a child of this bench (a few hundred MB) it reported the bench's memory, not
 * the fit's: that is where an earlier "258 MB" came from.
 */
async function measureFit(items: TrainingItem[]) {
  const parameters = await fitParameters(items);
  const file = path.join(os.tmpdir(), `clio-fit-${process.pid}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(items.filter((i) => i.reviews.some((r) => r.deltaT > 0)).map((i) => i.reviews)),
  );
  const script = `
    import fs from "node:fs";
    const { createRequire } = await import("node:module");
    const { computeParameters, FSRSBindingItem, FSRSBindingReview } = createRequire(import.meta.url)(${JSON.stringify(OPTIMIZER_PACKAGE)});
    const items = JSON.parse(fs.readFileSync(${JSON.stringify(file)}, "utf8"))
      .map((reviews) => new FSRSBindingItem(reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
    globalThis.gc?.();
    const highWater = () => Number(/VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]) * 1024;
    const loadPeak = highWater();
    fs.writeFileSync("/proc/self/clear_refs", "5");
    const before = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    await computeParameters(items, { enableShortTerm: true, timeout: 1 });
    const used = process.cpuUsage(cpu);
    const peak = highWater();
    console.log(JSON.stringify({ cpuSeconds: (used.user + used.system) / 1e6, processPeakMb: Math.max(loadPeak, peak) / 2 ** 20, peakMb: (peak - before) / 2 ** 20 }));`;
  try {
    const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    const measured = JSON.parse(out.trim().split("\n").at(-1)!) as {
      cpuSeconds: number;
      processPeakMb: number;
      peakMb: number;
    };
    return { parameters, ...measured };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Weight by weight, the mean of the students' true weights. */
function meanWeights(students: readonly StudentData[]): number[] {
  return students[0]!.student.memory.map(
    (_, i) => students.reduce((sum, d) => sum + d.student.memory[i]!, 0) / students.length,
  );
}

function zeroes(): ScopeFigures {
  return mapScopes(() => 0);
}

function mapScopes(value: (scope: Scope) => number): ScopeFigures {
  return Object.fromEntries(SCOPES.map((scope) => [scope, value(scope)])) as ScopeFigures;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
