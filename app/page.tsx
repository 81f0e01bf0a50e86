import { redirect } from "next/navigation";
import { pageContext } from "@/lib/auth/nextauth";

/** The home of a signed-in person is, for now, the team settings (the inbox takes over once it exists). */
export default async function Home() {
  const { ctx } = await pageContext();
  redirect(ctx ? "/settings/users" : "/login");
}
