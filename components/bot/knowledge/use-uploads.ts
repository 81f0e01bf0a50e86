"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { knowledgeKeys, uploadDocument, type BotDocument } from "@/lib/client/bot-knowledge";

export type Upload = { key: string; file: File; progress: number; state: "uploading" | "failed"; error: unknown };

export const ACCEPT = ".pdf,.docx,.txt,.md,.markdown,.csv,.html,.htm,application/pdf,text/plain,text/markdown,text/csv,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const titleOf = (file: File) => file.name.replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim() || file.name;
let seq = 0;

/**
 * Files on their way to the server, each with its own progress. A finished upload leaves this list and shows up in
 * the document list (where ingestion progress takes over); a failed one stays with its error until retried or dropped.
 */
export function useUploads() {
  const qc = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  useEffect(() => {
    const map = controllers.current;
    return () => map.forEach((c) => c.abort());
  }, []);

  const patch = useCallback((key: string, p: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...p } : u))), []);

  const run = useCallback(
    (key: string, file: File) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      uploadDocument(file, titleOf(file), (progress) => patch(key, { progress }), controller.signal)
        .then((doc) => {
          qc.setQueryData<{ data: BotDocument[] }>(knowledgeKeys.documents, (old) => old && { data: [doc, ...old.data.filter((d) => d.id !== doc.id)] });
          void qc.invalidateQueries({ queryKey: knowledgeKeys.documents });
          setUploads((list) => list.filter((u) => u.key !== key));
        })
        .catch((error: unknown) => {
          if ((error as Error)?.name === "AbortError") return setUploads((list) => list.filter((u) => u.key !== key));
          patch(key, { state: "failed", error });
        })
        .finally(() => controllers.current.delete(key));
    },
    [patch, qc],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const fresh = [...files].map((file) => ({ key: `u${++seq}`, file, progress: 0, state: "uploading" as const, error: null }));
      setUploads((list) => [...list, ...fresh]);
      for (const u of fresh) run(u.key, u.file);
    },
    [run],
  );

  const retry = useCallback(
    (key: string) => {
      const u = uploads.find((x) => x.key === key);
      if (!u) return;
      patch(key, { state: "uploading", progress: 0, error: null });
      run(key, u.file);
    },
    [patch, run, uploads],
  );

  const dismiss = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setUploads((list) => list.filter((u) => u.key !== key));
  }, []);

  return { uploads, add, retry, dismiss };
}
