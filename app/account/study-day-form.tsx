"use client";

import { useActionState } from "react";
import { updateStudyDayAction } from "@/app/account/actions";
import type { ActionResult } from "@/app/_lib/action-result";
import { ActionOutcome, FieldErrors } from "@/app/_components/field-errors";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) =>
  hour === 0 ? "midnight" : hour === 12 ? "noon" : hour < 12 ? `${hour} am` : `${hour - 12} pm`;

export function StudyDayForm({
  timeZone,
  dayStartHour,
  timeZones,
}: {
  timeZone: string;
  dayStartHour: number;
  timeZones: string[];
}) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(updateStudyDayAction, {});
  const zoneErrors = state.fieldErrors?.timezone;
  const hourErrors = state.fieldErrors?.dayStartHour;
  return (
    <form action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="timezone" className="field-label">
          Time zone
        </label>
        <input
          id="timezone"
          name="timezone"
          list="timezones"
          required
          maxLength={64}
          defaultValue={state.values?.timezone ?? timeZone}
          className="field-input"
          aria-invalid={Boolean(zoneErrors)}
          aria-describedby={zoneErrors ? "timezone-error" : undefined}
        />
        <datalist id="timezones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </datalist>
        <FieldErrors id="timezone-error" errors={zoneErrors} />
      </div>
      <div>
        <label htmlFor="day-start-hour" className="field-label">
          Your day starts at
        </label>
        <select
          id="day-start-hour"
          name="dayStartHour"
          defaultValue={state.values?.dayStartHour ?? String(dayStartHour)}
          className="field-input"
          aria-invalid={Boolean(hourErrors)}
          aria-describedby={hourErrors ? "day-start-hour-error" : "day-start-hour-hint"}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {hourLabel(hour)}
            </option>
          ))}
        </select>
        <p id="day-start-hour-hint" className="text-sm text-muted">
          Reviews after midnight and before this hour count for the day before, for daily limits, streaks and
          scheduling.
        </p>
        <FieldErrors id="day-start-hour-error" errors={hourErrors} />
      </div>
      <ActionOutcome state={state} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
