"use client";

import { useState } from "react";
import { ThumbsDownIcon, ThumbsUpIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { api } from "@/lib/client/api";
import { useCan } from "@/lib/client/me";
import { cn } from "@/lib/utils";

type Rating = 1 | -1;

/**
 * 👍/👎 on a message the bot sent, for the bot's quality metrics. Loaded lazily by bot bubbles only. Messages do not
 * carry the caller's own rating, so the choice is kept here (optimistic) for as long as the bubble is shown; sending
 * again replaces the stored rating on the server.
 */
export function BotFeedback({ messageId, conversationId }: { messageId: string; conversationId: string }) {
  const t = useTranslations("thread.botFeedback");
  const errorMessage = useErrorMessage();
  const allowed = useCan("bot.feedback");
  const [rating, setRating] = useState<Rating | null>(null);
  if (!allowed) return null;

  const rate = (value: Rating) => {
    if (value === rating) return;
    const previous = rating;
    setRating(value);
    api("/bot-feedback", { method: "POST", body: { messageId, conversationId, rating: value } }).catch((err: unknown) => {
      setRating(previous);
      toast.error(errorMessage(err));
    });
  };

  const button = (value: Rating, label: string, Icon: typeof ThumbsUpIcon, testId: string) => (
    <button
      type="button"
      onClick={() => rate(value)}
      aria-label={label}
      aria-pressed={rating === value}
      title={label}
      className={cn(
        "flex size-5 items-center justify-center rounded-full outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-emerald-500",
        rating === value && (value === 1 ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"),
      )}
      data-testid={`${testId}-${messageId}`}
    >
      <Icon className="size-3.5" aria-hidden="true" fill={rating === value ? "currentColor" : "none"} />
    </button>
  );

  return (
    <span
      role="group"
      aria-label={t("label")}
      className={cn(
        "mr-auto flex items-center gap-0.5 transition-opacity",
        // Out of the way until the agent points at the bubble; a chosen rating stays visible.
        rating === null && "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100",
      )}
      data-testid={`bot-feedback-${messageId}`}
      data-rating={rating ?? undefined}
    >
      {button(1, t("good"), ThumbsUpIcon, "bot-feedback-up")}
      {button(-1, t("bad"), ThumbsDownIcon, "bot-feedback-down")}
    </span>
  );
}
