import { z } from "zod";
import { defineContract, idParam, idParams, idRef, name, queryBoolean } from "../contract";
import { teamDetailSchema, teamRoleSchema, teamSchema } from "./inbox-schemas";
import { TAG_COLORS } from "./tags";

const tags = ["Teams"] as const;
const read = { tags, access: "member", permission: "teams.read" } as const;
const manage = { tags, access: "member", permission: "teams.manage" } as const;

const paletteNames: readonly string[] = TAG_COLORS.map((c) => c.name);
/** A name of the tag palette or a hex color. */
const color = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => paletteNames.includes(v) || /^#[0-9a-f]{6}$/.test(v), `must be #rrggbb or one of: ${paletteNames.join(", ")}`)
  .nullable();
const description = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .nullable();

export const listTeams = defineContract({
  ...read,
  method: "GET",
  path: "/teams",
  summary: "List teams",
  description: "Active teams sorted by name; includeInactive=true adds the deactivated ones.",
  query: z.strictObject({ includeInactive: queryBoolean.default(false) }),
  response: z.object({ data: z.array(teamSchema) }),
});

export const createTeam = defineContract({
  ...manage,
  method: "POST",
  path: "/teams",
  summary: "Create a team (admin only)",
  description: "Names are unique among active teams regardless of case (409 CONFLICT).",
  body: z.strictObject({ name, description: description.optional(), color: color.optional() }),
  example: { name: "Ventas", description: "Pre-sales questions", color: "blue" },
  response: teamDetailSchema,
  status: 201,
});

export const getTeam = defineContract({
  ...read,
  method: "GET",
  path: "/teams/{id}",
  summary: "Get team detail with members",
  params: idParams,
  tenantResource: "team",
  response: teamDetailSchema,
});

export const updateTeam = defineContract({
  ...manage,
  method: "PATCH",
  path: "/teams/{id}",
  summary: "Update team properties (admin only)",
  description: "isActive=false deactivates the team like DELETE; isActive=true brings it back (409 when an active team took its name).",
  params: idParams,
  tenantResource: "team",
  body: z
    .strictObject({ name: name.optional(), description: description.optional(), color: color.optional(), isActive: z.boolean().optional() })
    .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Give at least one of name, description, color, isActive" }),
  example: { description: "Billing and refunds" },
  response: teamDetailSchema,
});

export const deleteTeam = defineContract({
  ...manage,
  method: "DELETE",
  path: "/teams/{id}",
  summary: "Deactivate a team (soft delete, admin only)",
  description: "The team keeps its members and history; it frees its name and leaves the list unless includeInactive=true.",
  params: idParams,
  tenantResource: "team",
  status: 204,
});

const memberParams = z.object({ id: idParam, userId: idParam });

export const addTeamMember = defineContract({
  ...manage,
  method: "POST",
  path: "/teams/{id}/members",
  summary: "Add a member to a team (admin only)",
  description: "The user must belong to the organization (404 otherwise); one already in the team is a 409.",
  params: idParams,
  tenantResource: "team",
  body: z.strictObject({ userId: idRef, role: teamRoleSchema.default("MEMBER") }),
  example: { userId: "1", role: "MEMBER" },
  response: teamDetailSchema,
  status: 201,
});

export const updateTeamMember = defineContract({
  ...manage,
  method: "PATCH",
  path: "/teams/{id}/members/{userId}",
  summary: "Update a team member's role (admin only)",
  params: memberParams,
  tenantResource: "team",
  body: z.strictObject({ role: teamRoleSchema }),
  example: { role: "LEAD" },
  response: teamDetailSchema,
});

export const removeTeamMember = defineContract({
  ...manage,
  method: "DELETE",
  path: "/teams/{id}/members/{userId}",
  summary: "Remove a member from a team (admin only)",
  params: memberParams,
  tenantResource: "team",
  status: 204,
});
