#!/usr/bin/env node
// Pulumi AWS knowledge base (build/kb/pulumi.kb) from the .d.ts files of @pulumi/aws, which the C converter
// scripts/kb/pulumi-dts.c parses with tree-sitter-typescript. Key conventions: docs/kb-tf.md ("pulumi.kb").
//
//   node scripts/kb/pulumi.js OUT.kb PKG_DIR CONVERTER [TF_KB]
//
// Entries: module "s3"; class "s3.Bucket" (resource classes, `extends pulumi.CustomResource`); its arguments
// "s3.Bucket.corsRules" (members of BucketArgs: type text, optional/required, @deprecated message as the note,
// extra = the nested input type it holds, "input.s3.BucketCorsRule"); nested input types "input.s3.BucketCorsRule"
// with their members; functions (invokes) "ec2.getAmi" as static_method (type = the args interface, "" when it
// takes none) with their arguments "ec2.getAmi.mostRecent"; the package root's functions under module "index";
// enums of types/enums ("lambda.Runtime", members "lambda.Runtime.NodeJS20dX" with extra = the value "nodejs20.x",
// the root's "index.Region"). With TF_KB, a class's `type` is the Terraform type it bridges, when the data establishes it:
// the folded names agree ("aws" + module + class = the folded Terraform name: s3.Bucket and aws_s3_bucket) and at
// least 60% of its arguments are arguments of that type (a Pulumi list name may be the Terraform name's plural:
// corsRules for cors_rule); `extra` is then "tf=name+properties".
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const kbfile = require('./kbfile');

const fold = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// Top-level Terraform resource types and their argument names, from tf.kb.
function readTf(file) {
	const b = fs.readFileSync(file);
	const n = b.readUInt32LE(8);
	const base = 24 + n * 24;
	const str = (o) => b.toString('utf8', base + o, b.indexOf(0, base + o));
	const RES = kbfile.KINDS.indexOf('tf_resource'), ALIAS = kbfile.KINDS.indexOf('alias');
	const types = new Map(); // folded name -> { name, args:Set(folded) }
	const rows = [];
	for (let i = 0; i < n; i++) {
		const o = 24 + i * 24;
		rows.push({ key: str(b.readUInt32LE(o)), kind: b.readUInt32LE(o + 4) & 0xff });
	}
	for (const r of rows) if (r.kind === RES && !r.key.includes('.')) types.set(fold(r.key), { name: r.key, args: new Set() });
	const byName = new Map([...types.values()].map((t) => [t.name, t]));
	for (const r of rows) {
		const dot = r.key.indexOf('.');
		if (dot < 0 || r.key.indexOf('.', dot + 1) >= 0 || r.kind === ALIAS) continue;
		const t = byName.get(r.key.slice(0, dot));
		if (t) t.args.add(fold(r.key.slice(dot + 1)));
	}
	return types;
}

function main() {
	const [out, pkgDir, converter, tfKb] = process.argv.slice(2);
	if (!out || !pkgDir || !converter) {
		console.error('usage: pulumi.js OUT.kb PKG_DIR CONVERTER [TF_KB]');
		process.exit(2);
	}
	const t0 = Date.now();
	const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	const tsv = execFileSync(converter, [pkgDir], { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const w = new kbfile.Writer(`@pulumi/aws@${pkg.version}`);
	const counts = { module: 0, class: 0, static_method: 0, property: 0, struct: 0, enum: 0, enum_member: 0, deprecated: 0, bridged: 0 };
	const args = new Map(); // class key -> [argument names]
	for (const line of tsv.split('\n')) {
		if (!line) continue;
		const [kind, key, flags, type, note, extra] = line.split('\t');
		const fl = flags ? flags.split(',') : [];
		if (fl.includes('deprecated')) counts.deprecated++;
		counts[kind]++;
		w.add({ key, kind, flags: fl, type, note, extra });
		if (kind === 'property' && !key.startsWith('input.')) {
			const cls = key.slice(0, key.lastIndexOf('.'));
			if (!args.has(cls)) args.set(cls, []);
			args.get(cls).push(key.slice(cls.length + 1));
		}
	}
	if (tfKb) {
		const tf = readTf(tfKb);
		for (const e of w.entries.values()) {
			if (e.kind !== kbfile.KINDS.indexOf('class')) continue;
			const [mod, cls] = e.key.split('.');
			const t = tf.get(fold(`aws${mod}${cls}`)) || tf.get(fold(`aws${cls}`));
			if (!t) continue;
			const names = args.get(e.key) || [];
			const hit = names.filter((a) => t.args.has(fold(a)) || (a.endsWith('s') && t.args.has(fold(a.slice(0, -1))))).length;
			if (names.length && hit / names.length < 0.6) continue;
			e.type = t.name;
			e.extra = 'tf=name+properties';
			counts.bridged++;
		}
	}
	const res = w.write(out);
	console.log(`pulumi.kb: @pulumi/aws ${pkg.version}: ${counts.module} modules, ${counts.class} resource classes ` +
		`(${counts.bridged} bridged to a Terraform type), ${counts.static_method} functions, ${counts.struct} input types, ` +
		`${counts.property} arguments and members, ${counts.enum} enums with ${counts.enum_member} members, ` +
		`${counts.deprecated} deprecated`);
	console.log(`pulumi.kb: ${res.entries} entries, ${(res.bytes / 1048576).toFixed(1)} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
