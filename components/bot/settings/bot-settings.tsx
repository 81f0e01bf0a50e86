"use client";

import { BotPageHeader } from "../configs/bot-header";
import { ConfigGate } from "../configs/config-gate";
import { ConfigSettingsForm } from "./config-settings-form";
import { ModeCard } from "./mode-card";
import { PresetsCard } from "./presets-card";

/** /bot/settings: the edited config's provider and behaviour, then the organization-wide mode and presets. */
export function BotSettingsPage() {
  return (
    <div className="flex flex-col gap-5">
      <BotPageHeader tab="settings" />
      <div className="grid w-full max-w-4xl min-w-0 gap-6">
        <ConfigGate>{(config) => <ConfigSettingsForm key={config.id} config={config} />}</ConfigGate>
        <ModeCard />
        <PresetsCard />
      </div>
    </div>
  );
}
