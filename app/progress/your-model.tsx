import type { StudentModel } from "@/lib/models/student-model";
import type { ModelEvaluation } from "@/lib/srs/fit";
import { formatDate } from "@/lib/format";

const offBy = (e: ModelEvaluation) => `${(e.rmseBins * 100).toFixed(1)} points`;
const logLoss = (e: ModelEvaluation) => e.logLoss.toFixed(3);

/**
 * "Your memory model" on the progress page (issue 11): whose parameters schedule the student and how
 * well they predicted the student, in plain words (RMSE as points of recall; log loss, lower better).
 */
export function YourModel({ model, timeZone }: { model: StudentModel; timeZone: string }) {
  const { evaluations: e, set } = model;
  const judged = e.default && e.default.count > 0 ? e.default : null;
  let who: string;
  let how: string;
  if (model.scope === "student" && set && e.student && judged) {
    who = `Your own memory model schedules you: it was fitted to your ${set.trainingSize.toLocaleString("en")} reviews on ${formatDate(set.fittedAt, timeZone)}.`;
    how = `On your latest ${judged.count} reviews it predicted your recall to within about ${offBy(e.student)} on average (log loss ${logLoss(e.student)}); FSRS's defaults were off by ${offBy(judged)} (log loss ${logLoss(judged)}). Lower is better for both.`;
  } else if (model.scope === "class" && set && e.class && judged) {
    who = `Your class's memory model${set.className ? ` (${set.className})` : ""} schedules you: it was fitted to the class's ${set.trainingSize.toLocaleString("en")} reviews on ${formatDate(set.fittedAt, timeZone)}.`;
    how = `It predicted your latest ${judged.count} reviews better than FSRS's defaults${e.student ? " and than a fit to your own reviews" : ""}: off by about ${offBy(e.class)} on average (log loss ${logLoss(e.class)}), against ${offBy(judged)} (log loss ${logLoss(judged)}). A fit to your own reviews takes over when it predicts you better.`;
  } else if (model.decidedAt && judged) {
    who = "FSRS's default memory model schedules you.";
    how = `On your latest ${judged.count} reviews it was off by about ${offBy(judged)} on average (log loss ${logLoss(judged)}), and neither a fit to your own reviews nor your class's predicted you better.`;
  } else {
    who = "FSRS's default memory model schedules you: it was fitted to millions of other people's reviews.";
    how = `Clio fits a model to your own reviews after every ${model.fitEvery} (you have ${model.reviews.toLocaleString("en")}), and switches to it, or to your class's, once it predicts your later reviews better.`;
  }
  return (
    <section
      className="card space-y-2"
      aria-labelledby="model-heading"
      data-testid="your-model"
      data-scope={model.scope}
    >
      <h2 id="model-heading" className="font-semibold">
        Your memory model
      </h2>
      <p>{who}</p>
      <p className="text-sm text-muted">{how}</p>
    </section>
  );
}
