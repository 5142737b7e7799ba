import type { ClassFitStatus } from "@/lib/classes/fits";
import type { Calibration } from "@/lib/models/calibration";
import { formatDate, formatDateTime, formatPercent } from "@/lib/format";
import { requestClassFitAction } from "@/app/classes/model-actions";
import { ClassActionButton } from "@/app/_components/class-action-button";
import { CalibrationChart } from "@/app/_components/calibration-chart";

const points = (rmse: number) => `${(rmse * 100).toFixed(1)} points`;

/**
 * The class's memory model on the class page (issue 11): its pooled fit, a refit on demand with the
 * fit's state, and how well predictions matched what the students remembered.
 */
export function ClassModelSection({
  classId,
  status,
  calibration,
  timeZone,
}: {
  classId: string;
  status: ClassFitStatus;
  calibration: Calibration;
  timeZone: string;
}) {
  const { set, latest } = status;
  const when = (d: Date) => formatDateTime(d, timeZone);
  return (
    <section className="card space-y-4" aria-labelledby="model-heading" data-testid="class-model">
      <h2 id="model-heading" className="text-lg font-semibold">
        Memory model
      </h2>
      <p className="text-sm">
        {set
          ? `Fitted to the class's ${set.trainingSize.toLocaleString("en")} reviews on ${when(set.fittedAt)}.`
          : "Not fitted yet: students are scheduled with FSRS's default memory model until the class has enough reviews (a few hundred)."}{" "}
        {set && set.rmseAfter !== null && set.rmseBefore !== null
          ? `On the class's latest reviews it was off by ${points(set.rmseAfter)} of recall on average, against ${points(set.rmseBefore)} for FSRS's defaults.`
          : ""}{" "}
        Each student is scheduled with their own fit, the class&apos;s or the defaults, whichever predicts them best.
      </p>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <p className="text-sm text-muted" data-testid="fit-state" role="status">
          {latest === null
            ? "No refit asked for yet."
            : latest.state === "queued"
              ? `Refit queued at ${when(latest.queuedAt)}; it runs in the background within a minute or two.`
              : latest.state === "running"
                ? `Refit running (queued at ${when(latest.queuedAt)}).`
                : latest.state === "done"
                  ? `Last refit done at ${when(latest.finishedAt ?? latest.queuedAt)}.`
                  : `Last refit failed at ${when(latest.finishedAt ?? latest.queuedAt)}; ask again to retry.`}
        </p>
        <ClassActionButton
          action={requestClassFitAction}
          fields={{ classId }}
          label="Refit now"
          pendingLabel="Queuing…"
        />
      </div>

      <h3 className="font-semibold">Are its predictions right?</h3>
      {calibration.count === 0 ? (
        <p className="text-sm text-muted" data-testid="calibration-empty">
          No reviews in the last 90 days to check predictions against yet.
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="calibration-summary">
            Over the class&apos;s {calibration.count.toLocaleString("en")} reviews since{" "}
            {formatDate(calibration.since, timeZone)}, the model predicted {formatPercent(calibration.meanPredicted)}{" "}
            recall and students remembered {formatPercent(calibration.observed)}.
          </p>
          <CalibrationChart bins={calibration.bins} label="Predicted against remembered recall" />
          <details className="text-sm">
            <summary className="cursor-pointer text-muted">The figures per bin</summary>
            <table className="mt-2 w-full text-left tabular-nums" data-testid="calibration-table">
              <caption className="sr-only">
                Reviews, predicted and remembered recall per bin of predicted recall
              </caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Predicted
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Reviews
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Remembered
                  </th>
                </tr>
              </thead>
              <tbody>
                {calibration.bins.map((b) => (
                  <tr key={b.from}>
                    <th scope="row" className="py-1 pr-3 font-normal">
                      {formatPercent(b.from)}–{formatPercent(b.to)} (mean {formatPercent(b.meanPredicted)})
                    </th>
                    <td className="py-1 pr-3 text-right">{b.count}</td>
                    <td className="py-1 text-right">{formatPercent(b.observed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
