import { getDb } from "@/db/client";
import { insertTemplate, templateNamesLike } from "@/db/queries/templates";
import type { Ctx } from "@/lib/api/context";
import { templateDto } from "./dto";
import { templateChanged, templateOr404 } from "./shared";

const MAX_NAME = 512;

/** "<name>_copy", or the first free "<name>_copy_N", within Meta's name length. */
function freeName(base: string, taken: Set<string>) {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "_copy" : `_copy_${n}`;
    const name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(name)) return name;
  }
}

export async function duplicateTemplate(ctx: Ctx, id: number) {
  const row = await getDb().transaction(async (tx) => {
    const source = await templateOr404(ctx, id, tx);
    const base = source.name.slice(0, MAX_NAME - "_copy".length);
    const taken = await templateNamesLike(ctx.orgId, `${base}_copy`, source.language, tx);
    return insertTemplate(
      {
        orgId: ctx.orgId,
        name: freeName(source.name, taken),
        language: source.language,
        category: source.category,
        components: source.components,
        headerMediaFileId: source.headerMediaFileId,
        headerHandle: source.headerHandle,
        status: "DRAFT",
      },
      tx,
    );
  });
  templateChanged(row);
  return templateDto(row);
}
