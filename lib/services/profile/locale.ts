import { listUserOrganizations, type UserRow } from "@/db/queries/users";
import { mailLocale, type MailLocale } from "@/lib/mail/templates";

/** The language to write to a user in: their own choice, else their first organization's, else Spanish. */
export async function preferredLocale(user: Pick<UserRow, "id" | "locale">): Promise<MailLocale> {
  if (user.locale) return mailLocale(user.locale);
  const [first] = await listUserOrganizations(user.id);
  return mailLocale(first?.org.locale);
}
