"use client";

import { useEffect, useState } from "react";
import { CheckIcon, CopyIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";

async function writeClipboard(text: string) {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Plain-HTTP origins other than localhost have no Clipboard API.
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

export function CopyButton({ value, label, variant = "outline", size = "sm", ...props }: { value: string; label?: string } & Omit<ButtonProps, "onClick" | "value">) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      variant={variant}
      size={size}
      onClick={async () => {
        try {
          await writeClipboard(value);
          setCopied(true);
        } catch {
          toast.error(t("copyFailed"));
        }
      }}
      {...props}
    >
      {copied ? <CheckIcon className="text-emerald-600 dark:text-emerald-400" /> : <CopyIcon />}
      {size === "icon" || size === "icon-sm" ? <span className="sr-only">{copied ? t("copied") : (label ?? t("copy"))}</span> : copied ? t("copied") : (label ?? t("copy"))}
    </Button>
  );
}
