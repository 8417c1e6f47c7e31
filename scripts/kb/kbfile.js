// Writes a knowledge-base file in the format src/kb/kb.h reads (IGKB0001).
// Every extractor under scripts/kb/ builds a list of entries and calls write().
//
//   const kb = require('./kbfile');
//   const w = new kb.Writer('aws-cdk-lib@2.276.0');
//   w.add({ key: 'aws_logs.RetentionDays', kind: 'enum' });
//   w.add({ key: 'aws_logs.RetentionDays.ONE_MONTH', kind: 'enum_member' });
//   w.write('build/kb/cdk.kb');
//
// Keys are unique: adding a key twice merges the fields (later non-empty values win,
// flags are or-ed), so an older version's index can be folded into a newer one.
'use strict';
const fs = require('fs');
const path = require('path');

// Same order as ig_kb_kind in src/kb/kb.h.
const KINDS = ['none', 'module', 'class', 'interface', 'struct', 'enum', 'enum_member', 'property',
	'static_property', 'method', 'static_method', 'cfn_resource', 'cfn_property', 'cfn_attribute', 'cfn_type',
	'tf_resource', 'tf_data', 'tf_argument', 'tf_block', 'alias', 'fact'];
// Same bits as the IG_KB_* flags in src/kb/kb.h.
const FLAGS = { deprecated: 1, optional: 2, required: 4, static: 8, abstract: 16, removed: 32, computed: 64, const: 128 };

class Writer {
	constructor(source) {
		this.source = source;
		this.entries = new Map();
	}

	// e: { key, kind, flags: [names] | number, type, note, extra, aux } (strings; extra/aux may be arrays,
	// joined with '\n').
	add(e) {
		if (typeof e.key !== 'string' || !e.key) throw new Error('kb entry without a key');
		if (!/^[\x20-\x7e]+$/.test(e.key)) throw new Error(`kb key is not printable ASCII: ${JSON.stringify(e.key)}`);
		const kind = KINDS.indexOf(e.kind);
		if (kind < 0) throw new Error(`unknown kb kind ${e.kind} for ${e.key}`);
		let flags = 0;
		if (typeof e.flags === 'number') flags = e.flags;
		else for (const f of e.flags || []) {
			if (!(f in FLAGS)) throw new Error(`unknown kb flag ${f} for ${e.key}`);
			flags |= FLAGS[f];
		}
		const norm = (v) => (Array.isArray(v) ? v.join('\n') : v == null ? '' : String(v));
		const next = { key: e.key, kind, flags, type: norm(e.type), note: norm(e.note), extra: norm(e.extra), aux: norm(e.aux) };
		const old = this.entries.get(e.key);
		if (old) {
			old.flags |= next.flags;
			for (const f of ['type', 'note', 'extra', 'aux']) if (next[f]) old[f] = next[f];
			if (next.kind) old.kind = next.kind;
		} else {
			this.entries.set(e.key, next);
		}
		return this.entries.get(e.key);
	}

	get(key) {
		return this.entries.get(key);
	}

	write(file) {
		const list = [...this.entries.values()].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
		const pool = [Buffer.from([0])];
		let size = 1;
		const offsets = new Map([['', 0]]);
		const str = (s) => {
			if (offsets.has(s)) return offsets.get(s);
			const b = Buffer.from(s + '\0', 'utf8');
			const off = size;
			pool.push(b);
			size += b.length;
			offsets.set(s, off);
			return off;
		};
		const sourceOff = str(this.source);
		const ents = Buffer.alloc(list.length * 24);
		list.forEach((e, i) => {
			const o = i * 24;
			ents.writeUInt32LE(str(e.key), o);
			ents.writeUInt32LE((e.kind & 0xff) | (e.flags << 8), o + 4);
			ents.writeUInt32LE(str(e.type), o + 8);
			ents.writeUInt32LE(str(e.note), o + 12);
			ents.writeUInt32LE(str(e.extra), o + 16);
			ents.writeUInt32LE(str(e.aux), o + 20);
		});
		const head = Buffer.alloc(24);
		head.write('IGKB0001', 0, 'ascii');
		head.writeUInt32LE(list.length, 8);
		head.writeUInt32LE(size, 12);
		head.writeUInt32LE(sourceOff, 16);
		head.writeUInt32LE(0, 20);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		const tmp = file + '.tmp';
		fs.writeFileSync(tmp, Buffer.concat([head, ents, ...pool]));
		fs.renameSync(tmp, file); // never leave a half-written table behind
		return { entries: list.length, bytes: 24 + ents.length + size };
	}
}

module.exports = { Writer, KINDS, FLAGS };
