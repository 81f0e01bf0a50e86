/**
 * Intent patterns are JavaScript regular expressions matched case-insensitively; one that does not compile is refused
 * by the API and flagged by the builder before it is sent.
 */
export function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "iu");
    return true;
  } catch {
    return false;
  }
}
