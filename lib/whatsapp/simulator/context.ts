import type { Deliverer } from "./delivery";
import type { GraphErrorSpec } from "./http";
import type { SimNumber } from "./payloads";
import type { SimState } from "./state";

/** Milliseconds after a send (or a template submission) at which each callback is delivered. */
export type Delays = { sent: number; delivered: number; read: number; template: number };

export type Failure = GraphErrorSpec & { times?: number; match?: (call: { method: string; path: string; body: unknown }) => boolean };

/** What the endpoint handlers share. */
export type SimContext = {
  state: SimState;
  deliverer: Deliverer;
  delays: Delays;
  /** Recipients starting with this prefix are "not on WhatsApp": accepted, then a failed 131026 status. */
  undeliverablePrefix: string;
  /** Where the simulator is reachable from the product, for media URLs. */
  publicUrl: string;
  number(phoneNumberId: string): Promise<SimNumber>;
};
