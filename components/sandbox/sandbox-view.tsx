"use client";

import { useState } from "react";
import { SmartphoneIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/common/page-header";
import { useSandboxCustomers, useSandboxLiveUpdates } from "@/lib/client/sandbox";
import { CustomerList } from "./customer-list";
import { Phone } from "./phone";

/** The customer-phone simulator: pick or create a customer on the left, chat as them on the phone. */
export function SandboxView({ initialCustomerId }: { initialCustomerId: string | null }) {
  const t = useTranslations("sandbox");
  useSandboxLiveUpdates();
  const customers = useSandboxCustomers();
  const [selected, setSelected] = useState(initialCustomerId);
  const list = customers.data?.data ?? [];
  const current = list.find((c) => c.id === selected) ?? (selected ? undefined : list[0]);

  const select = (id: string) => {
    setSelected(id);
    // Kept in the address so a reload (or a shared link) opens the same chat.
    const url = new URL(window.location.href);
    url.searchParams.set("customer", id);
    window.history.replaceState(null, "", url);
  };

  const number = customers.data?.number;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          number && (
            <Badge variant="outline" className="h-7 gap-1.5 px-2.5 font-normal" data-testid="sandbox-number">
              <SmartphoneIcon className="size-3.5 text-emerald-600" aria-hidden="true" />
              <span className="text-muted-foreground">{t("number")}</span>
              <span className="font-medium tabular-nums">{number.displayPhoneNumber}</span>
            </Badge>
          )
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,320px)_minmax(0,1fr)]">
        <CustomerList query={customers} selectedId={current?.id ?? null} onSelect={select} />
        <div className="flex justify-center">
          <Phone key={current?.id ?? "none"} customer={current ?? null} business={number ?? null} />
        </div>
      </div>
    </div>
  );
}
