import { templateHeaderMedia } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as media from "@/lib/services/templates/upload-media";

export const GET = route(templateHeaderMedia, async ({ ctx, params }) => {
  const file = await media.templateHeaderMedia(ctx, params.id);
  // Only images render inline; a PDF or video downloads, so nothing uploaded runs in our origin.
  const disposition = file.contentType.startsWith("image/") ? "inline" : "attachment";
  const filename = file.originalName ? `; filename*=UTF-8''${encodeURIComponent(file.originalName)}` : "";
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.body.length),
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      "content-disposition": `${disposition}${filename}`,
    },
  });
});
