import { ref } from "./_shared";
import { organizations } from "./organizations";
import { users } from "./users";

/** The org_id column of a tenant-owned table (rows go with their organization). */
export const orgRef = () =>
  ref("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** Who created the row; kept when the person is deleted. */
export const createdBy = () => ref("created_by_id").references(() => users.id, { onDelete: "set null" });
