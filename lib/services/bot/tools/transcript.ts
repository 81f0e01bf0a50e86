/** A thread as the LLM reads it: one line per message, oldest first, with who said it. */
export type ThreadLine = { direction: string; senderType: string | null; text: string | null };

export const transcriptOf = (thread: ThreadLine[]) =>
  thread
    .filter((m) => m.text)
    .map((m) => `${m.direction === "INBOUND" ? "Customer" : m.senderType === "BOT" ? "Bot" : "Agent"}: ${m.text}`)
    .join("\n");
