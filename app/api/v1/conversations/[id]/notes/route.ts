import { createNote } from "@/lib/api/contracts/conversation-messages";
import { route } from "@/lib/api/route";
import { addNote } from "@/lib/services/messages/notes";

export const POST = route(createNote, ({ ctx, params, body }) => addNote(ctx, params.id, body));
