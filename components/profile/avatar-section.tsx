"use client";

import { useRef } from "react";
import { Trash2Icon, UploadIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useRemoveAvatar, useUploadAvatar, type Profile } from "@/lib/client/profile";
import { SettingsSection } from "./settings-section";

// Mirrors the API's limits (contracts/profile.ts AVATAR_UPLOAD) to refuse a wrong file before uploading it.
const TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];
const MAX_BYTES = 2 * 1024 * 1024;

export function AvatarSection({ profile }: { profile: Profile }) {
  const t = useTranslations("profile.avatar");
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const errorMessage = useErrorMessage();
  const busy = upload.isPending || remove.isPending;

  const onFile = (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (!file) return;
    if (!TYPES.includes(file.type)) return void toast.error(t("wrongType"));
    if (file.size > MAX_BYTES) return void toast.error(t("tooLarge"));
    upload.mutate(file, { onSuccess: () => toast.success(t("uploaded")), onError: (e) => toast.error(errorMessage(e)) });
  };

  return (
    <SettingsSection title={t("title")} description={t("description")}>
      <div className="flex items-center gap-5">
        <div className="relative">
          <UserAvatar name={profile.name} src={profile.avatarUrl} size="xl" />
          {busy && (
            <span className="absolute inset-0 flex items-center justify-center rounded-full bg-background/70">
              <Spinner className="size-5" />
            </span>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" disabled={busy} onClick={() => input.current?.click()} data-testid="avatar-upload">
              <UploadIcon />
              {profile.avatarUrl ? t("change") : t("upload")}
            </Button>
            {profile.avatarUrl && (
              <Button
                variant="ghost"
                size="sm"
                disabled={busy}
                className="text-muted-foreground hover:text-destructive"
                onClick={() => remove.mutate(undefined, { onSuccess: () => toast.success(t("removed")), onError: (e) => toast.error(errorMessage(e)) })}
              >
                <Trash2Icon />
                {t("remove")}
              </Button>
            )}
          </div>
          <p className="text-xs text-muted-foreground">{t("hint")}</p>
          <input
            ref={input}
            type="file"
            accept={TYPES.join(",")}
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="avatar-input"
            onChange={(e) => onFile(e.target.files?.[0])}
          />
        </div>
      </div>
    </SettingsSection>
  );
}
