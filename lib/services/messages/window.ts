import { AppError } from "@/lib/api/errors";

export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** The customer-service window: open while less than 24 hours have passed since the customer last wrote. */
export function isWindowOpen(lastCustomerMessageAt: Date | null, now = new Date()) {
  return lastCustomerMessageAt !== null && now.getTime() - lastCustomerMessageAt.getTime() < WINDOW_MS;
}

export const windowClosed = () =>
  new AppError(
    "WINDOW_CLOSED",
    422,
    "The 24-hour customer service window is closed: more than 24 hours have passed since the customer last wrote. Send an approved template instead.",
  );

/** Free-form messages (anything but a template) need the window open. */
export function assertWindowOpen(lastCustomerMessageAt: Date | null, now = new Date()) {
  if (!isWindowOpen(lastCustomerMessageAt, now)) throw windowClosed();
}
