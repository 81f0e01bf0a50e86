"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { isApiError } from "@/lib/client/api";
import { useConnectEmbedded, type MetaConfig } from "@/lib/client/whatsapp";

type LoginResponse = { authResponse?: { code?: string } | null; status?: string };
type FacebookSdk = {
  init(opts: { appId: string; version: string; xfbml: boolean; autoLogAppEvents?: boolean }): void;
  login(callback: (r: LoginResponse) => void, opts: Record<string, unknown>): void;
};
declare global {
  interface Window {
    FB?: FacebookSdk;
    fbAsyncInit?: () => void;
  }
}

const SDK_URL = "https://connect.facebook.net/en_US/sdk.js";
let sdk: Promise<FacebookSdk> | undefined;

/** Meta's JavaScript SDK, loaded once and only on the page that offers Embedded Signup. */
function loadSdk(appId: string, version: string) {
  sdk ??= new Promise<FacebookSdk>((resolve, reject) => {
    window.fbAsyncInit = () => {
      window.FB!.init({ appId, version, xfbml: false, autoLogAppEvents: true });
      resolve(window.FB!);
    };
    const script = document.createElement("script");
    script.src = SDK_URL;
    script.async = true;
    script.crossOrigin = "anonymous";
    script.onerror = () => {
      sdk = undefined;
      reject(new Error("Meta SDK could not be loaded"));
    };
    document.body.appendChild(script);
  });
  return sdk;
}

type SessionInfo = { wabaId?: string; phoneNumberId?: string };

/** The popup posts the shared WABA and number to the opener before it hands over the code. */
function useSessionInfo() {
  const info = useRef<SessionInfo>({});
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!/^https:\/\/([\w-]+\.)?facebook\.com$/.test(event.origin)) return;
      try {
        const data = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
        if (data?.type === "WA_EMBEDDED_SIGNUP" && data.data) info.current = { wabaId: data.data.waba_id, phoneNumberId: data.data.phone_number_id };
      } catch {
        // Other messages from Facebook's frames are not ours.
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  return info;
}

export function EmbeddedSignupButton({ config }: { config: MetaConfig }) {
  const t = useTranslations("whatsapp.embedded");
  const [ready, setReady] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const sessionRef = useSessionInfo();
  const connect = useConnectEmbedded();
  const errorMessage = useErrorMessage();

  useEffect(() => {
    if (!config.appId) return;
    loadSdk(config.appId, config.graphVersion).then(
      () => setReady(true),
      () => toast.error(t("sdkFailed")),
    );
  }, [config.appId, config.graphVersion, t]);

  const start = () => {
    const fb = window.FB;
    if (!fb || !config.configId) return;
    sessionRef.current = {};
    setWaiting(true);
    // The SDK refuses async callbacks, so the promise runs inside a plain one.
    fb.login(
      (response) => {
        const code = response.authResponse?.code;
        if (!code) {
          setWaiting(false);
          toast.info(t("cancelled"));
          return;
        }
        connect
          .mutateAsync({ code, ...sessionRef.current })
          .then((account) => toast.success(t("connected", { number: account.displayPhoneNumber ?? account.phoneNumberId })))
          .catch((err: unknown) => toast.error(isApiError(err) && err.code === "META_REJECTED" ? t("rejected", { message: err.message }) : errorMessage(err)))
          .finally(() => setWaiting(false));
      },
      { config_id: config.configId, response_type: "code", override_default_response_type: true, extras: { setup: {}, sessionInfoVersion: "3" } },
    );
  };

  const busy = !ready || waiting || connect.isPending;
  return (
    <Button onClick={start} disabled={busy} data-testid="embedded-signup" className="bg-[#1877F2] text-white hover:bg-[#166FE5]">
      {busy ? <Spinner /> : <FacebookMark />}
      {connect.isPending ? t("connecting") : t("button")}
    </Button>
  );
}

function FacebookMark() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4 fill-current">
      <path d="M24 12.07C24 5.41 18.63 0 12 0S0 5.4 0 12.07C0 18.1 4.39 23.1 10.13 24v-8.44H7.08v-3.49h3.04V9.41c0-3.02 1.8-4.7 4.54-4.7 1.31 0 2.68.24 2.68.24v2.97h-1.5c-1.5 0-1.96.93-1.96 1.89v2.26h3.33l-.53 3.5h-2.8V24C19.62 23.1 24 18.1 24 12.07" />
    </svg>
  );
}
