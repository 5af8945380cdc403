// The dashboard's span highlighting (web/highlight.js) without a browser: byte spans into a
// UTF-8 sentence become pieces of text.
//
//   node tests/web/highlight.test.mjs        (ctest: web.highlight)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

// web/ holds browser modules with a .js extension and no package.json, which some Node.js
// versions would read as CommonJS: import the file's text as a module instead.
const source = fs.readFileSync(new URL('../../web/highlight.js', import.meta.url), 'utf8');
const { pieces, spanText } = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`);

// [begin, end) in bytes of the first occurrence of `part` in `sentence`.
function byteSpan(sentence, part) {
  const i = sentence.indexOf(part);
  assert.ok(i >= 0, part);
  const b = Buffer.byteLength(sentence.slice(0, i));
  return [b, b + Buffer.byteLength(part)];
}

function rolesText(ps, role) {
  return ps.filter((p) => p.roles.includes(role)).map((p) => p.text).join('');
}

test('ASCII sentence: the pieces are the spans and the text between them', () => {
  const s = 'Senior U.S. officials met with Gen. Khalifa Haftar on Sunday.';
  const spans = { source: byteSpan(s, 'U.S. officials'), trigger: byteSpan(s, 'met'), target: byteSpan(s, 'Gen. Khalifa Haftar') };
  const ps = pieces(s, spans);
  assert.equal(ps.map((p) => p.text).join(''), s);
  assert.equal(rolesText(ps, 'source'), 'U.S. officials');
  assert.equal(rolesText(ps, 'trigger'), 'met');
  assert.equal(rolesText(ps, 'target'), 'Gen. Khalifa Haftar');
  assert.deepEqual(ps.map((p) => p.roles.join(',')), ['', 'source', '', 'trigger', '', 'target', '']);
});

test('non-ASCII text before and inside the spans: offsets are bytes, not characters', () => {
  const s = 'Verónica Alcázar met the ELN in Bogotá’s “Teatro Colón” and 北京 officials signed.';
  const spans = { source: byteSpan(s, 'Verónica Alcázar'), trigger: byteSpan(s, 'signed'), target: byteSpan(s, '北京 officials') };
  assert.notEqual(spans.trigger[0], s.indexOf('signed'), 'byte and character offsets differ here');
  const ps = pieces(s, spans);
  assert.equal(ps.map((p) => p.text).join(''), s);
  assert.equal(rolesText(ps, 'source'), 'Verónica Alcázar');
  assert.equal(rolesText(ps, 'trigger'), 'signed');
  assert.equal(rolesText(ps, 'target'), '北京 officials');
  assert.equal(spanText(s, byteSpan(s, 'Colón')), 'Colón');
});

test('overlapping spans: each piece lists every role covering it', () => {
  const s = 'The army shelled the town.';
  const ps = pieces(s, { source: byteSpan(s, 'The army'), trigger: byteSpan(s, 'army shelled') });
  assert.equal(rolesText(ps, 'source'), 'The army');
  assert.equal(rolesText(ps, 'trigger'), 'army shelled');
  assert.deepEqual(ps.find((p) => p.text === 'army').roles, ['source', 'trigger']);
  assert.equal(ps.map((p) => p.text).join(''), s);
});

test('absent, empty, reversed or out-of-range spans highlight nothing or are clamped', () => {
  const s = 'Paris rejected the accusation.';
  assert.deepEqual(pieces(s, null), [{ text: s, roles: [] }]);
  assert.deepEqual(pieces(s, { source: null, target: [3, 3], trigger: [9, 2] }), [{ text: s, roles: [] }]);
  const ps = pieces(s, { trigger: [6, 1000] });
  assert.equal(rolesText(ps, 'trigger'), 'rejected the accusation.');
  assert.equal(spanText(s, [-5, 5]), 'Paris');
  assert.equal(spanText(s, 'nonsense'), '');
});

test('a span boundary inside a multi-byte character moves to the start of that character', () => {
  const s = 'Bogotá said';
  // 'á' is bytes 5..7; a span ending at 6 (inside it) must not produce U+FFFD.
  const ps = pieces(s, { source: [0, 6] });
  assert.equal(ps.map((p) => p.text).join(''), s);
  assert.ok(!ps.some((p) => p.text.includes('\uFFFD')));
  assert.equal(rolesText(ps, 'source'), 'Bogot');
});
