import { completeOnboarding } from "@/lib/api/contracts/auth";
import { route } from "@/lib/api/route";
import { completeOnboarding as markOnboardingDone } from "@/lib/services/auth/onboarding";

export const POST = route(completeOnboarding, ({ ctx }) => markOnboardingDone(ctx));
