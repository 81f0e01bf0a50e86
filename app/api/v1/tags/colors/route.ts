import { tagColors } from "@/lib/api/contracts/tags";
import { route } from "@/lib/api/route";
import { tagColors as tagColorsService } from "@/lib/services/tags/tags";

export const GET = route(tagColors, async () => tagColorsService());
