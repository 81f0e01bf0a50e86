import { Fragment, type ReactNode } from "react";

const URL_RE = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function links(text: string, keyPrefix: string): ReactNode[] {
  return text.split(URL_RE).map((part, i) =>
    i % 2 === 1 ? (
      <a
        key={`${keyPrefix}-${i}`}
        href={part}
        target="_blank"
        rel="noreferrer noopener"
        className="[overflow-wrap:anywhere] text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
      >
        {part}
      </a>
    ) : (
      <Fragment key={`${keyPrefix}-${i}`}>{part}</Fragment>
    ),
  );
}

/**
 * Message text with clickable links and, in notes, @mentions of the given people highlighted (longest names first,
 * so "@Ana María" wins over "@Ana").
 */
export function RichText({ text, mentions = [] }: { text: string; mentions?: string[] }) {
  const names = [...new Set(mentions.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!names.length) return <>{links(text, "t")}</>;
  const re = new RegExp(`(@(?:${names.map(escapeRe).join("|")}))`, "g");
  return (
    <>
      {text.split(re).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded bg-amber-200/80 px-0.5 font-medium text-amber-950 dark:bg-amber-400/30 dark:text-amber-100" data-testid="mention">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{links(part, `p${i}`)}</Fragment>
        ),
      )}
    </>
  );
}
