/**
 * A list of words or phrases as one regex alternation written as a trie, so that irregexp tries each
 * character of the text once per position instead of once per alternative (the engine's word gate does the
 * same, speed.md B1). Spaces inside a phrase match 1–3 spaces or tabs; with `lower`, keys are lower-cased
 * (for /i regexes). Returns regex source without a group around it when there is one alternative.
 */
interface Node {
  next: Map<string, Node>;
  end: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function trieSource(words: Iterable<string>, lower = true): string {
  const root: Node = { next: new Map(), end: false };
  for (const w of words) {
    const text = (lower ? w.toLowerCase() : w).trim();
    if (!text) continue;
    let node = root;
    for (const part of tokens(text)) {
      let child = node.next.get(part);
      if (!child) node.next.set(part, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  return render(root);
}

function tokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') {
      while (text[i + 1] === ' ') i++;
      out.push('[ \\t]{1,3}');
    } else if (text[i] === "'" || text[i] === '’') out.push("['’]");
    else {
      // A surrogate pair stays one token.
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (ch.length === 2) i++;
      out.push(escapeRe(ch));
    }
  }
  return out;
}

function render(node: Node): string {
  const alts: string[] = [];
  // Longer continuations first: irregexp takes the first alternative that matches.
  for (const [t, child] of node.next) alts.push(t + render(child));
  if (node.end) alts.push('');
  if (alts.length === 1) return alts[0]!;
  const nonEmpty = alts.filter((a) => a !== '');
  const body = nonEmpty.length === 1 ? nonEmpty[0]! : `(?:${nonEmpty.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}
