import { zonedDateTime } from '@kizuna/core';

/** `YYYY-MM-DD HH:mm:ss` on the wall clock of `timeZone`. */
export function formatLocalTime(instant: string | number, timeZone: string): string {
  const local = zonedDateTime(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

/** A duration as `1 h 02 min`, `3 min 05 s` or `4.2 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return hours > 0
    ? `${hours} h ${String(minutes).padStart(2, '0')} min`
    : `${minutes} min ${String(rest).padStart(2, '0')} s`;
}
