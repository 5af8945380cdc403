// Highlights a sentence from byte spans. The API gives spans as [begin, end) byte offsets into
// the UTF-8 sentence, so the sentence is encoded to bytes, cut at the span boundaries and each
// piece decoded again: "Bogotá" is 7 bytes, not 6 characters.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

// The roles highlighted, in the order they are named in a piece's data-roles.
export const ROLES = ['source', 'trigger', 'target', 'date', 'location'];

// Moves a byte offset back to the start of the UTF-8 character it falls in.
function charStart(bytes, i) {
  while (i > 0 && i < bytes.length && (bytes[i] & 0xc0) === 0x80) i--;
  return i;
}

// The valid spans of `spans` (role → [b, e] | null) within a sentence of `n` bytes.
function validSpans(bytes, spans) {
  const out = [];
  for (const role of ROLES) {
    const s = spans && spans[role];
    if (!Array.isArray(s) || s.length !== 2) continue;
    let [b, e] = s;
    if (!Number.isInteger(b) || !Number.isInteger(e)) continue;
    b = charStart(bytes, Math.max(0, Math.min(b, bytes.length)));
    e = charStart(bytes, Math.max(0, Math.min(e, bytes.length)));
    if (b < e) out.push({ role, b, e });
  }
  return out;
}

// The sentence cut into pieces: [{text, roles: [...]}], roles empty for plain text. Overlapping
// spans are handled: a piece lists every role whose span covers it.
export function pieces(sentence, spans) {
  const bytes = encoder.encode(sentence);
  const marks = validSpans(bytes, spans);
  const cuts = new Set([0, bytes.length]);
  for (const m of marks) {
    cuts.add(m.b);
    cuts.add(m.e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const b = points[i], e = points[i + 1];
    const roles = marks.filter((m) => m.b <= b && e <= m.e).map((m) => m.role);
    out.push({ text: decoder.decode(bytes.subarray(b, e)), roles });
  }
  return out;
}

// The text of one span, as the highlight shows it ('' when absent or invalid).
export function spanText(sentence, span) {
  const bytes = encoder.encode(sentence);
  const m = validSpans(bytes, { source: span });
  return m.length ? decoder.decode(bytes.subarray(m[0].b, m[0].e)) : '';
}

const LABELS = { source: 'source', trigger: 'event', target: 'target', date: 'date', location: 'place' };

// A <span class="sentence"> holding the sentence with <mark data-roles="..."> pieces.
export function highlighted(doc, sentence, spans, roles = ['source', 'trigger', 'target']) {
  const root = doc.createElement('span');
  root.className = 'sentence';
  for (const p of pieces(sentence, spans)) {
    const shown = p.roles.filter((r) => roles.includes(r));
    if (!shown.length) {
      root.append(doc.createTextNode(p.text));
      continue;
    }
    const mark = doc.createElement('mark');
    mark.dataset.roles = shown.join(' ');
    mark.className = shown.map((r) => `hl-${r}`).join(' ');
    mark.title = shown.map((r) => LABELS[r]).join(', ');
    mark.textContent = p.text;
    root.append(mark);
  }
  return root;
}
