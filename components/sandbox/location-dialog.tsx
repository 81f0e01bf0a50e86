"use client";

import { useState, type FormEvent } from "react";
import { MapPinIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export type PlaceInput = { latitude: number; longitude: number; name?: string; address?: string };

const PLACES: (PlaceInput & { name: string })[] = [
  { name: "Zócalo", address: "Plaza de la Constitución, Centro, CDMX", latitude: 19.4326, longitude: -99.1332 },
  { name: "Macroplaza", address: "Centro, Monterrey, N.L.", latitude: 25.6694, longitude: -100.3098 },
  { name: "Catedral de Guadalajara", address: "Av. Fray Antonio Alcalde 10, Guadalajara, Jal.", latitude: 20.6767, longitude: -103.3475 },
];

/** Share a location: a few well-known places, or any coordinates. */
export function LocationDialog({ open, setOpen, onShare }: { open: boolean; setOpen: (open: boolean) => void; onShare: (place: PlaceInput) => void }) {
  const t = useTranslations("sandbox.location");
  const [lat, setLat] = useState("");
  const [lng, setLng] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const share = (place: PlaceInput) => {
    setOpen(false);
    setLat("");
    setLng("");
    setName("");
    setError(null);
    onShare(place);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const latitude = Number(lat);
    const longitude = Number(lng);
    if (!lat.trim() || !lng.trim() || !(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) return setError(t("invalid"));
    share({ latitude, longitude, ...(name.trim() ? { name: name.trim() } : {}) });
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-1.5">
          {PLACES.map((p) => (
            <button
              key={p.name}
              type="button"
              onClick={() => share(p)}
              className="flex items-center gap-3 rounded-md border px-3 py-2 text-left transition-colors hover:bg-muted/60"
              data-testid="sandbox-place"
            >
              <MapPinIcon className="size-4 shrink-0 text-red-500" aria-hidden="true" />
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium">{p.name}</span>
                <span className="block truncate text-xs text-muted-foreground">{p.address}</span>
              </span>
            </button>
          ))}
        </div>
        <form onSubmit={onSubmit} noValidate className="grid gap-3 border-t pt-4">
          <p className="text-xs font-medium text-muted-foreground">{t("custom")}</p>
          <div className="grid grid-cols-2 gap-3">
            <FormField label={t("latitude")} error={error ?? undefined}>
              <Input inputMode="decimal" placeholder="19.4326" value={lat} onChange={(e) => setLat(e.target.value)} />
            </FormField>
            <FormField label={t("longitude")}>
              <Input inputMode="decimal" placeholder="-99.1332" value={lng} onChange={(e) => setLng(e.target.value)} />
            </FormField>
          </div>
          <FormField label={t("name")}>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} />
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit">{t("submit")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
