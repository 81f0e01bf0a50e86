import { errors, isUniqueViolation } from "@/lib/api/errors";

/**
 * Runs a write on a table whose names are unique per organization (usually regardless of case): a clash answers 409
 * on `name` ("A tool named "x" already exists") instead of the generic conflict.
 */
export async function uniqueName<T>(kind: string, name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) {
      const article = /^[aeiou]/i.test(kind) ? "An" : "A";
      throw errors.conflict(`${article} ${kind} named "${name ?? "this"}" already exists`, [{ path: "name", message: "is already taken" }]);
    }
    throw e;
  }
}
