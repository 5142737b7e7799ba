import { describeWhen } from "@/app/study/[slug]/study-client";

/** Nothing to show now, but a learning step comes due within the session: the shell reloads then. */
export function Waiting({
  nextDueAt,
  timeZone,
  onFinish,
}: {
  nextDueAt: string;
  timeZone: string;
  onFinish: () => void;
}) {
  return (
    <section className="card space-y-3 text-center" data-testid="waiting">
      <h1 className="text-lg font-semibold">Cards in learning come back {describeWhen(nextDueAt, timeZone)}.</h1>
      <p className="text-muted">Stay here and they will appear, or finish for now.</p>
      <button type="button" className="btn-secondary" onClick={onFinish}>
        Finish session
      </button>
    </section>
  );
}
