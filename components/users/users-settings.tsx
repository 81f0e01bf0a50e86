"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { PageHeader } from "@/components/common/page-header";
import { keys } from "@/lib/client/keys";
import { useCan } from "@/lib/client/me";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { InvitationsTable } from "./invitations-table";
import { InviteDialog } from "./invite-dialog";
import { MembersTable } from "./members-table";

/** Other admins' changes and agents' presence arrive as events; the lists refetch instead of trusting payloads. */
function useLiveMembers() {
  const qc = useQueryClient();
  const refreshUsers = () => void qc.invalidateQueries({ queryKey: keys.users });
  const refreshAll = () => {
    refreshUsers();
    void qc.invalidateQueries({ queryKey: keys.invitations });
  };
  useRealtimeEvent("user.presence_changed", refreshUsers);
  useRealtimeEvent("user.updated", refreshUsers);
  useRealtimeEvent("user.deleted", refreshAll);
  useRealtimeEvent("invitation.changed", refreshAll);
}

export function UsersSettings() {
  const t = useTranslations("users");
  const canManage = useCan("users.manage");
  const canInvite = useCan("invitations.manage");
  useLiveMembers();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={canManage ? t("description") : t("descriptionReadOnly")} actions={canManage && <InviteDialog />} />
      {canInvite ? (
        <Tabs defaultValue="members" className="gap-4">
          <TabsList>
            <TabsTrigger value="members" data-testid="tab-members">
              {t("tabs.members")}
            </TabsTrigger>
            <TabsTrigger value="invitations" data-testid="tab-invitations">
              {t("tabs.invitations")}
            </TabsTrigger>
          </TabsList>
          <TabsContent value="members">
            <MembersTable canManage={canManage} />
          </TabsContent>
          <TabsContent value="invitations">
            <InvitationsTable />
          </TabsContent>
        </Tabs>
      ) : (
        <MembersTable canManage={canManage} />
      )}
    </div>
  );
}
