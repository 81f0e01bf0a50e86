import type { Contract } from "./contract";
import * as apiKeys from "./contracts/api-keys";
import * as auth from "./contracts/auth";
import * as dev from "./contracts/dev";
import * as invitations from "./contracts/invitations";
import * as profile from "./contracts/profile";
import * as system from "./contracts/system";
import * as users from "./contracts/users";

const isContract = (v: unknown): v is Contract =>
  typeof v === "object" && v !== null && "method" in v && "path" in v && "access" in v && "summary" in v;

/** Every operation of the CX API: the source of the OpenAPI document, the parity test and the generated checks. */
export const CONTRACTS: Contract[] = [system, auth, profile, users, invitations, apiKeys, dev].flatMap((m) => Object.values(m).filter(isContract));
