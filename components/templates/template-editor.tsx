"use client";

import { useEffect, useRef, useState } from "react";
import { CircleAlertIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { isApiError, type ApiErrorDetail } from "@/lib/client/api";
import { useCreateDraft, useCreateTemplate, useEditTemplate, useSubmitTemplate, useUpdateDraft, type Template } from "@/lib/client/templates";
import { bodyOf, CATEGORIES, emptyState, LANGUAGES, sectionOf, stateFromTemplate, type Category, type EditorState } from "./editor-state";
import { BodyFields, ButtonsFields, FooterFields, HeaderFields } from "./editor-fields";
import { TemplateStatusBadge } from "./status-badge";
import { TemplatePreview } from "./template-preview";

/** create: a new template. draft: an existing draft. edit: a reviewed template, changed at Meta. view: read only. */
export type EditorMode = "create" | "draft" | "edit" | "view";

export function editorMode(template: Template | null, canManage: boolean): EditorMode {
  if (!template) return "create";
  if (!canManage) return "view";
  if (template.status === "DRAFT") return "draft";
  return ["APPROVED", "REJECTED", "PAUSED"].includes(template.status) ? "edit" : "view";
}

/** Meta's names: lowercase, digits and underscores; typing a space gives an underscore. */
const normalizeName = (v: string) => v.toLowerCase().replace(/\s+/g, "_").replace(/[^a-z0-9_]/g, "");

export function TemplateEditor({ open, template, canManage, onClose }: { open: boolean; template: Template | null; canManage: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-5xl" data-testid="template-editor">
        {open && <EditorForm key={template?.id ?? "new"} template={template} mode={editorMode(template, canManage)} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function EditorForm({ template, mode, onClose }: { template: Template | null; mode: EditorMode; onClose: () => void }) {
  const t = useTranslations("templates.editor");
  const [state, setState] = useState<EditorState>(() => (template ? stateFromTemplate(template) : emptyState()));
  const [problems, setProblems] = useState<ApiErrorDetail[]>([]);
  const problemsRef = useRef<HTMLDivElement>(null);
  // The list sits under a long form: bring it into view when the API reports problems.
  useEffect(() => {
    if (problems.length) problemsRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [problems]);
  const patch = (change: Partial<EditorState>) => {
    setState((s) => ({ ...s, ...change }));
    setProblems([]);
  };
  const createDraft = useCreateDraft();
  const updateDraft = useUpdateDraft();
  const submitDraft = useSubmitTemplate();
  const create = useCreateTemplate();
  const edit = useEditTemplate();
  const errorMessage = useErrorMessage();
  const pending = createDraft.isPending || updateDraft.isPending || submitDraft.isPending || create.isPending || edit.isPending;
  const readOnly = mode === "view";

  const run = async (action: () => Promise<unknown>, done: string) => {
    if (!state.name.trim()) return setProblems([{ path: "name", message: t("nameRequired") }]);
    try {
      await action();
      toast.success(done);
      onClose();
    } catch (err) {
      if (isApiError(err) && err.details.length) setProblems(err.details);
      else if (isApiError(err) && err.code === "META_REJECTED") setProblems([{ path: "meta", message: t("metaRejected", { message: err.message }) }]);
      else toast.error(errorMessage(err));
    }
  };

  const body = bodyOf(state);
  const saveDraft = () =>
    run(
      () => (mode === "draft" && template ? updateDraft.mutateAsync({ id: template.id, ...body, headerMediaFileId: body.headerMediaFileId ?? null }) : createDraft.mutateAsync(body)),
      t("draftSaved"),
    );
  const submit = () =>
    run(async () => {
      if (mode === "create") return create.mutateAsync(body);
      if (mode === "draft" && template) {
        await updateDraft.mutateAsync({ id: template.id, ...body, headerMediaFileId: body.headerMediaFileId ?? null });
        return submitDraft.mutateAsync(template.id);
      }
      if (template) return edit.mutateAsync({ id: template.id, components: body.components, category: state.category, headerMediaFileId: body.headerMediaFileId ?? null });
    }, mode === "edit" ? t("editSubmitted") : t("submitted"));

  const sectionLabel = (path: string) => {
    const section = sectionOf(path, body.components);
    return section === "other" ? "" : `${t(`sections.${section}`)}: `;
  };

  return (
    <>
      <DialogHeader>
        <DialogTitle className="flex flex-wrap items-center gap-2">
          {t(`titles.${mode}`)}
          {template && <TemplateStatusBadge status={template.status} />}
        </DialogTitle>
        <DialogDescription>
          {template?.status === "REJECTED" && template.rejectedReason ? t("rejectedBecause", { reason: template.rejectedReason }) : t(`descriptions.${mode}`)}
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_320px]">
        <fieldset disabled={readOnly || pending} className="flex min-w-0 flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField label={t("name")} className="sm:col-span-3" description={t("nameHelp")}>
              <Input data-testid="template-name" value={state.name} disabled={mode === "edit" || readOnly} onChange={(e) => patch({ name: normalizeName(e.target.value) })} placeholder="order_update" />
            </FormField>
            <FormField label={t("language")}>
              <NativeSelect data-testid="template-language" value={state.language} disabled={mode === "edit" || readOnly} onChange={(e) => patch({ language: e.target.value })}>
                {[...new Set([state.language, ...LANGUAGES])].map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField label={t("category")} className="sm:col-span-2">
              <NativeSelect data-testid="template-category" value={state.category} onChange={(e) => patch({ category: e.target.value as Category })}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`categories.${c}`)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          </div>
          <HeaderFields state={state} patch={patch} />
          {state.category !== "AUTHENTICATION" && <BodyFields state={state} patch={patch} />}
          {(!readOnly || state.footer) && <FooterFields state={state} patch={patch} />}
          {state.category !== "AUTHENTICATION" && (!readOnly || state.buttons.length > 0) && <ButtonsFields state={state} patch={patch} />}
        </fieldset>
        <div className="md:sticky md:top-0 md:self-start">
          <TemplatePreview state={state} />
        </div>
      </div>
      {problems.length > 0 && (
        <div ref={problemsRef} role="alert" data-testid="template-problems" className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive">
          <p className="flex items-center gap-2 font-medium">
            <CircleAlertIcon className="size-4" />
            {t("problemsTitle")}
          </p>
          <ul className="mt-1 list-disc pl-6">
            {problems.map((p, i) => (
              <li key={i}>
                {sectionLabel(p.path)}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <DialogFooter>
        <Button variant="outline" onClick={onClose}>
          {readOnly ? t("close") : t("cancel")}
        </Button>
        {(mode === "create" || mode === "draft") && (
          <Button variant="secondary" onClick={() => void saveDraft()} disabled={pending} data-testid="template-save-draft">
            {(createDraft.isPending || (updateDraft.isPending && !submitDraft.isPending)) && <Spinner />}
            {t("saveDraft")}
          </Button>
        )}
        {!readOnly && (
          <Button onClick={() => void submit()} disabled={pending} data-testid="template-submit">
            {(create.isPending || submitDraft.isPending || edit.isPending) && <Spinner />}
            {mode === "edit" ? t("submitEdit") : t("submit")}
          </Button>
        )}
      </DialogFooter>
    </>
  );
}
