import { appSimulator } from "@/lib/services/sandbox/graph-simulator";

/** The Graph API of sandbox numbers: graphFor(sandboxAccount) calls ${APP_URL}/api/sandbox/graph/v21.0/… */
const handle = (req: Request) => appSimulator().handle(req);

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
