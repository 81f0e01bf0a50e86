"use client";

import { useEffect, useState } from "react";
import { SparklesIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useGenerateHandoffSummary } from "@/lib/client/conversations";
import { useRunConversationAction } from "../use-conversation-commands";

/**
 * Hands the conversation back to the bot with a summary for whoever picks it up next, prefilled from
 * generate-handoff-summary (the org's AI when configured, else the customer's last messages) and editable.
 * Mounted only while open: each opening starts from a fresh summary.
 */
export function ReturnToBotDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const t = useTranslations("thread.returnToBot");
  const errorMessage = useErrorMessage();
  const generate = useGenerateHandoffSummary();
  const action = useRunConversationAction();
  const [summary, setSummary] = useState("");
  const { mutate: generateSummary } = generate;

  useEffect(() => {
    generateSummary(conversationId, { onSuccess: (r) => setSummary((s) => s || r.summary) });
  }, [conversationId, generateSummary]);

  const regenerate = () => generate.mutate(conversationId, { onSuccess: (r) => setSummary(r.summary) });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    action.run({ id: conversationId, action: "return-to-bot", handoffSummary: summary.trim() || undefined }, t("done"), onClose);
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="return-to-bot-dialog">
        <form onSubmit={submit} className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-1.5">
            <div className="flex items-center justify-between gap-2">
              <Label htmlFor="handoff-summary">{t("summary")}</Label>
              <Button type="button" variant="ghost" size="sm" onClick={regenerate} disabled={generate.isPending} data-testid="handoff-regenerate">
                <SparklesIcon />
                {generate.isPending ? t("generating") : t("regenerate")}
              </Button>
            </div>
            <Textarea
              id="handoff-summary"
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              placeholder={generate.isPending ? t("generating") : t("placeholder")}
              className="min-h-32"
              maxLength={4000}
              data-testid="handoff-summary-input"
            />
            {generate.data && <p className="text-xs text-muted-foreground">{t(generate.data.source === "ai" ? "sourceAi" : "sourceExtractive")}</p>}
            {generate.isError && <p className="text-xs text-destructive">{errorMessage(generate.error)}</p>}
          </div>
          <FormDialogFooter
            onCancel={onClose}
            cancelLabel={t("cancel")}
            submitLabel={t("confirm")}
            pendingLabel={t("working")}
            pending={action.pending}
            submitTestId="return-to-bot-confirm"
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
