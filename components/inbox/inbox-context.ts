"use client";

import { createContext, useContext } from "react";

/**
 * What the panes may ask of the inbox page: the thread header can offer a "contact details" button (the panel is
 * inline on wide screens and a sheet on narrow ones, where it starts closed).
 */
export type InboxLayout = { contactOpen: boolean; toggleContact: () => void; openConversation: (id: string) => void };

export const InboxLayoutContext = createContext<InboxLayout | null>(null);

/** null outside the inbox page (the thread may be rendered elsewhere). */
export const useInboxLayout = () => useContext(InboxLayoutContext);
