import { env } from "@/lib/env";

export type MailLocale = "es" | "en";
export type RenderedMail = { subject: string; text: string; html: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escape(p)}</p>`).join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escape(action.url)}" style="background:#16a34a;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">${escape(action.label)}</a></p><p style="color:#666;font-size:12px">${escape(action.url)}</p>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:520px;margin:24px auto"><h2>${escape(title)}</h2>${body}${button}</body></html>`;
}

export function invitationMail(p: { orgName: string; inviterName?: string | null; token: string; locale: MailLocale; expiresAt: Date }): RenderedMail {
  const url = `${env().APP_URL}/invite/${p.token}`;
  const days = Math.max(1, Math.round((p.expiresAt.getTime() - Date.now()) / 86_400_000));
  const t =
    p.locale === "en"
      ? {
          subject: `You are invited to ${p.orgName} on CX Inbox`,
          lines: [`${p.inviterName ?? "An administrator"} invited you to join ${p.orgName} on CX Inbox.`, `The invitation expires in ${days} day(s).`],
          action: "Accept invitation",
        }
      : {
          subject: `Te invitaron a ${p.orgName} en CX Inbox`,
          lines: [`${p.inviterName ?? "Un administrador"} te invitó a unirte a ${p.orgName} en CX Inbox.`, `La invitación vence en ${days} día(s).`],
          action: "Aceptar invitación",
        };
  return { subject: t.subject, text: `${t.lines.join("\n\n")}\n\n${t.action}: ${url}\n`, html: layout(t.subject, t.lines, { label: t.action, url }) };
}

export function loginCodeMail(p: { code: string; locale: MailLocale; minutes: number }): RenderedMail {
  const t =
    p.locale === "en"
      ? { subject: `Your CX Inbox sign-in code: ${p.code}`, lines: [`Your sign-in code is ${p.code}.`, `It expires in ${p.minutes} minutes and works once. If you did not ask for it, ignore this email.`] }
      : { subject: `Tu código de acceso a CX Inbox: ${p.code}`, lines: [`Tu código de acceso es ${p.code}.`, `Vence en ${p.minutes} minutos y sirve una sola vez. Si no lo pediste, ignora este correo.`] };
  return { subject: t.subject, text: t.lines.join("\n\n") + "\n", html: layout(t.subject, t.lines) };
}

export function passwordChangedMail(p: { locale: MailLocale }): RenderedMail {
  const t =
    p.locale === "en"
      ? { subject: "Your CX Inbox password was changed", lines: ["Your password was just changed and every other session was signed out.", "If this was not you, contact your administrator."] }
      : { subject: "Tu contraseña de CX Inbox cambió", lines: ["Tu contraseña acaba de cambiar y se cerraron tus otras sesiones.", "Si no fuiste tú, contacta a tu administrador."] };
  return { subject: t.subject, text: t.lines.join("\n\n") + "\n", html: layout(t.subject, t.lines) };
}

export const mailLocale = (value: string | null | undefined): MailLocale => (value === "en" ? "en" : "es");
