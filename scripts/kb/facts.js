#!/usr/bin/env node
// Build-time: data/kb/*.tsv facts (key, value, source URL) into build/kb/facts.kb.
// Usage: facts.js OUT.kb data/kb/facts.tsv ...
'use strict';
const fs = require('fs');
const { Writer } = require('./kbfile');
const [out, ...files] = process.argv.slice(2);
if (!out || !files.length) { console.error('usage: facts.js out.kb facts.tsv...'); process.exit(2); }
const w = new Writer('data/kb (hand facts with source URLs)');
let bad = 0;
for (const file of files) {
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [key, value, url] = line.split('\t').map(s => (s || '').trim());
    if (!key || !value || !/^https?:\/\//.test(url || '')) {
      console.error(`${file}:${i + 1}: expected key, value and a source URL, tab-separated`);
      bad++;
      return;
    }
    w.add({ key, kind: 'fact', extra: value, aux: url });
  });
}
if (bad) process.exit(1);
const r = w.write(out);
console.log(`facts: ${r.entries} entries, ${r.bytes} bytes`);
