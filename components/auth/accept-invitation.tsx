"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { CircleAlertIcon, CircleCheckIcon, ClockIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { PasswordInput } from "@/components/common/password-input";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { OrgMark } from "@/components/shell/org-mark";
import { isApiError } from "@/lib/client/api";
import { signInWith } from "@/lib/client/auth";
import { useAcceptInvitation, useInvitationByToken, type PublicInvitation } from "@/lib/client/invitations";
import { AuthHeader } from "./auth-header";

export function AcceptInvitation({ token }: { token: string }) {
  const t = useTranslations("auth.invite");
  const query = useInvitationByToken(token);

  if (query.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="size-12 rounded-xl" />
        <Skeleton className="h-7 w-3/4" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="mt-6 h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Unavailable title={t("invalidTitle")} description={t("invalidText")} />;
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const inv = query.data;
  if (inv.status === "ACCEPTED") {
    return (
      <Unavailable
        icon="ok"
        title={t("acceptedTitle")}
        description={t("acceptedText", { org: inv.organization.name })}
        email={inv.email}
      />
    );
  }
  if (inv.status !== "PENDING" || new Date(inv.expiresAt) < new Date()) {
    return (
      <Unavailable
        icon="expired"
        title={inv.status === "REVOKED" ? t("revokedTitle") : t("expiredTitle")}
        description={t("expiredText", { inviter: inv.invitedBy ?? inv.organization.name })}
      />
    );
  }
  return <AcceptForm token={token} invitation={inv} />;
}

function Unavailable({ title, description, icon = "error", email }: { title: string; description: string; icon?: "ok" | "expired" | "error"; email?: string }) {
  const t = useTranslations("auth.invite");
  const Icon = icon === "ok" ? CircleCheckIcon : icon === "expired" ? ClockIcon : CircleAlertIcon;
  return (
    <EmptyState
      className="rounded-xl border bg-card py-12"
      icon={Icon}
      title={title}
      description={description}
      action={
        <Button asChild variant="outline">
          <Link href={email ? `/login?email=${encodeURIComponent(email)}` : "/login"}>{t("goToLogin")}</Link>
        </Button>
      }
    />
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: PublicInvitation }) {
  const t = useTranslations("auth.invite");
  const tf = useTranslations("errors.field");
  const tr = useTranslations("roles");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const accept = useAcceptInvitation(token);
  const { errors, setErrors, fromError, clear } = useFieldErrors();
  const [name, setName] = useState(invitation.name ?? "");
  const [password, setPassword] = useState("");
  const [signingIn, setSigningIn] = useState(false);
  const existing = invitation.accountExists;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (accept.isPending || signingIn) return;
    const next: Record<string, string> = {};
    if (!existing && !name.trim()) next.name = tf("required");
    if (existing ? !password : password.length < 8) next.password = existing ? tf("required") : tf("passwordLength");
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      await accept.mutateAsync(existing ? { password } : { name: name.trim(), password });
    } catch (err) {
      if (isApiError(err) && err.status === 401) setErrors({ password: t("wrongPassword") });
      else if (!fromError(err)) toast.error(errorMessage(err));
      return;
    }
    setSigningIn(true);
    const failed = await signInWith("password", { email: invitation.email, password, orgId: invitation.organization.id });
    if (failed) {
      router.replace(`/login?email=${encodeURIComponent(invitation.email)}`);
      return;
    }
    toast.success(t("joined", { org: invitation.organization.name }));
    router.replace("/");
    router.refresh();
  };

  const busy = accept.isPending || signingIn;
  return (
    <div>
      <OrgMark name={invitation.organization.name} logoUrl={invitation.organization.logoUrl} className="mb-5 size-12 rounded-xl text-base" />
      <AuthHeader
        title={t("title", { org: invitation.organization.name })}
        description={invitation.invitedBy ? t("invitedBy", { inviter: invitation.invitedBy, org: invitation.organization.name }) : t("invitedGeneric", { org: invitation.organization.name })}
      />
      <div className="mb-5 flex items-center justify-between gap-3 rounded-lg border bg-muted/40 px-3 py-2.5 text-sm">
        <span className="min-w-0 truncate font-medium">{invitation.email}</span>
        <Badge variant="secondary">{tr(invitation.role)}</Badge>
      </div>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {existing ? (
          <p className="text-sm text-muted-foreground">{t("existingAccount")}</p>
        ) : (
          <FormField label={t("name")} error={errors.name} required>
            <Input
              data-testid="invite-name"
              autoComplete="name"
              autoFocus
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clear("name");
              }}
            />
          </FormField>
        )}
        <FormField
          label={existing ? t("currentPassword") : t("newPassword")}
          error={errors.password}
          description={!existing && !errors.password ? t("passwordHelp") : undefined}
          required
        >
          <PasswordInput
            data-testid="invite-password"
            autoComplete={existing ? "current-password" : "new-password"}
            autoFocus={existing}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              clear("password");
            }}
          />
        </FormField>
        <Button type="submit" data-testid="invite-submit" size="lg" className="mt-1 w-full" disabled={busy}>
          {busy && <Spinner label={t("working")} />}
          {existing ? t("submitExisting") : t("submit")}
        </Button>
      </form>
    </div>
  );
}
