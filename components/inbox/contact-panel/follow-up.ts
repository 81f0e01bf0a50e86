/** Follow-up presets, computed in the agent's local time. */
export const FOLLOW_UP_PRESETS = ["oneHour", "tomorrow", "threeDays", "nextWeek"] as const;
export type FollowUpPreset = (typeof FOLLOW_UP_PRESETS)[number];

const atNine = (d: Date) => {
  d.setHours(9, 0, 0, 0);
  return d;
};

export function presetDate(preset: FollowUpPreset, now = new Date()): Date {
  const d = new Date(now);
  switch (preset) {
    case "oneHour":
      return new Date(now.getTime() + 60 * 60 * 1000);
    case "tomorrow":
      d.setDate(d.getDate() + 1);
      return atNine(d);
    case "threeDays":
      d.setDate(d.getDate() + 3);
      return atNine(d);
    case "nextWeek":
      // Next Monday (a week from today when today is Monday).
      d.setDate(d.getDate() + (((8 - d.getDay()) % 7) || 7));
      return atNine(d);
  }
}

/** `<input type="datetime-local">` speaks local "YYYY-MM-DDTHH:mm". */
export function toLocalInput(d: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
