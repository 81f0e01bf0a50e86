/** A line of a line diff: kept in both texts, removed from the old one, or added in the new one. */
export type DiffLine = { type: "same" | "add" | "remove"; text: string; oldNo: number | null; newNo: number | null };

export type DiffStats = { added: number; removed: number };

const split = (text: string) => (text === "" ? [] : text.replace(/\r\n?/g, "\n").split("\n"));

/**
 * Line diff by longest common subsequence. Prompts are short (a few hundred lines at most), so the O(n·m) table is
 * fine; the common prefix and suffix are trimmed first so typical small edits cost almost nothing.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = split(oldText);
  const b = split(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const n = endA - start;
  const m = endB - start;
  // lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB), in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }

  const out: DiffLine[] = [];
  for (let k = 0; k < start; k++) out.push({ type: "same", text: a[k], oldNo: k + 1, newNo: k + 1 });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const ai = start + i;
    const bj = start + j;
    if (i < n && j < m && a[ai] === b[bj]) {
      out.push({ type: "same", text: a[ai], oldNo: ai + 1, newNo: bj + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      out.push({ type: "add", text: b[bj], oldNo: null, newNo: bj + 1 });
      j++;
    } else {
      out.push({ type: "remove", text: a[ai], oldNo: ai + 1, newNo: null });
      i++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) out.push({ type: "same", text: a[endA + k], oldNo: endA + k + 1, newNo: endB + k + 1 });
  return normalizeOrder(out);
}

/** Within each run of changes, removals first, then additions: reads like a unified diff. */
function normalizeOrder(lines: DiffLine[]): DiffLine[] {
  const out: DiffLine[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.type === "remove") removed.push(line);
    else if (line.type === "add") added.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

export function diffStats(lines: DiffLine[]): DiffStats {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.type === "add") added++;
    else if (l.type === "remove") removed++;
  }
  return { added, removed };
}
