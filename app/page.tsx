import { redirect } from "next/navigation";
import { pageContext } from "@/lib/auth/nextauth";

/** The home of a signed-in person: the inbox for whoever may read conversations, the team settings otherwise. */
export default async function Home() {
  const { ctx } = await pageContext();
  if (!ctx) redirect("/login");
  redirect(ctx.permissions.has("conversations.read") ? "/inbox" : "/settings/users");
}
