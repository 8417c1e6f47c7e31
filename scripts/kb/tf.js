#!/usr/bin/env node
// Terraform AWS provider knowledge base (build/kb/tf.kb) from the jsii of @cdktf/provider-aws,
// the prebuilt CDKTF bindings of the provider. Key conventions: docs/kb-tf.md.
//
//   node scripts/kb/tf.js OUT.kb CURRENT_PKG_DIR [OLD_PKG_DIR] [--cfn DB.json.gz --overrides TSV]
//
// What comes from where, per version (the package.json field cdktf.provider.version names it):
//   - resource and data-source types: each class whose base is cdktf.TerraformResource or
//     cdktf.TerraformDataSource; its Terraform name is the one the docs link names
//     ("Represents a {@link .../docs/resources/s3_bucket aws_s3_bucket}");
//   - arguments: the properties of the class's config struct (the third initializer
//     parameter), each named by the anchor of its registry link (".../s3_bucket#force_destroy"),
//     never by a case conversion: they differ where CDKTF renamed a name ("selfAttribute" for
//     `self`, "fetchPasswordData" for `get_password_data`); such CDKTF names are kept as aliases;
//   - required: the property is not optional; nested blocks: properties typed by a struct of the
//     provider whose docs say "NAME block."; a struct-typed property without that remark is an
//     argument holding objects (Terraform accepts it written either way);
//   - computed (read-only) attributes of a type: the generated JavaScript of its class marks each
//     with a comment "// NAME - computed: true, optional: false, required: false" before its getter.
// The previous major is folded in: a name only it has is flagged `removed` with a note naming
// both versions, so it is never reported as non-existent.
'use strict';
const fs = require('fs');
const path = require('path');
const kbfile = require('./kbfile');
const tfcfn = require('./tf-cfn');

const MAX_DEPTH = 24; // nesting of blocks; the provider's deepest (medialive, quicksight) is far below

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// The non-IResolvable member of a union (CDKTF lets every value be a token).
function unwrap(t) {
	if (t && t.union) {
		const rest = t.union.types.filter((u) => u.fqn !== 'cdktf.IResolvable');
		return rest.length === 1 ? unwrap(rest[0]) : { primitive: 'any' };
	}
	return t;
}

// Terraform-style type text of a jsii type, and the struct it holds if any.
function describe(t, asm) {
	t = unwrap(t);
	if (!t) return { text: 'any' };
	if (t.primitive) return { text: t.primitive === 'boolean' ? 'bool' : t.primitive };
	if (t.fqn) {
		if (t.fqn.startsWith(asm + '.')) return { text: 'object', struct: t.fqn, single: true };
		return { text: 'any' };
	}
	if (t.collection) {
		const el = describe(t.collection.elementtype, asm);
		const kind = t.collection.kind === 'map' ? 'map' : 'list';
		return { text: `${kind}(${el.text})`, struct: el.struct, single: false };
	}
	return { text: 'any' };
}

const LINK = /docs\/(resources|data-sources)\/([a-z0-9_]+)#([a-z0-9_]+)/;
const TYPE_LINK = /\{@link https:\/\/registry\.terraform\.io\/providers\/[^ ]*\/docs\/(resources|data-sources)\/[a-z0-9_]+ ([a-z0-9_]+)\}/;

function docText(p) {
	return `${(p.docs && p.docs.summary) || ''} ${(p.docs && p.docs.remarks) || ''}`;
}

// Computed-only attributes of every class of a module file, from the generator's comments.
function computedByClass(jsFile) {
	const out = new Map();
	let src;
	try {
		src = fs.readFileSync(jsFile, 'utf8');
	} catch {
		return out;
	}
	const classRe = /^class (\w+) extends /gm;
	const starts = [];
	let m;
	while ((m = classRe.exec(src))) starts.push({ name: m[1], at: m.index });
	starts.forEach((c, i) => {
		const body = src.slice(c.at, i + 1 < starts.length ? starts[i + 1].at : src.length);
		const names = [];
		const re = /\/\/ ([a-z0-9_]+) - computed: true, optional: false, required: false\n\s*get (\w+)\(\)/g;
		let g;
		while ((g = re.exec(body))) names.push({ tf: g[1], js: g[2] });
		out.set(c.name, names);
	});
	return out;
}

// One version of the provider: Map key -> entry fields, plus facts for the report.
function indexVersion(pkgDir) {
	const pkg = readJson(path.join(pkgDir, 'package.json'));
	const provider = pkg.cdktf && pkg.cdktf.provider && pkg.cdktf.provider.version;
	if (!provider) throw new Error(`${pkgDir}/package.json names no provider version (cdktf.provider.version)`);
	const jsii = readJson(path.join(pkgDir, '.jsii'));
	const asm = jsii.name;
	const types = jsii.types;
	const entries = new Map();
	const structPath = new Map(); // struct fqn -> the first key it describes
	const stats = { resources: 0, data: 0, arguments: 0, blocks: 0, renamed: [], noLink: 0, computed: 0 };
	const put = (key, e) => {
		if (!entries.has(key)) entries.set(key, { key, ...e });
	};

	function walkStruct(fqn, parent, kindTop, depth, seen) {
		const st = types[fqn];
		if (!st || depth > MAX_DEPTH || seen.has(fqn)) return;
		seen.add(fqn);
		if (!structPath.has(fqn)) structPath.set(fqn, parent);
		for (const p of st.properties || []) {
			const link = docText(p).match(LINK);
			if (!link) {
				stats.noLink++;
				continue; // no Terraform name in the data: leave it out rather than guess
			}
			const name = link[3];
			const key = `${parent}.${name}`;
			const d = describe(p.type, asm);
			const block = d.struct && / block\.?$/.test((p.docs && p.docs.summary) || '');
			const anyBlock = !d.struct && / block\.?$/.test((p.docs && p.docs.summary) || '');
			const flags = [p.optional ? 'optional' : 'required'];
			if (block || anyBlock) {
				stats.blocks++;
				// type: "list" (repeatable), "single" (at most one), "any" (schema not generated)
				put(key, { kind: 'tf_block', flags, type: anyBlock ? 'any' : d.single ? 'single' : 'list' });
			} else {
				stats.arguments++;
				put(key, { kind: 'tf_argument', flags, type: d.text });
			}
			if (p.name.toLowerCase() !== name.replace(/_/g, '')) {
				stats.renamed.push(`${key} (CDKTF ${p.name})`);
				put(`${parent}.${p.name}`, { kind: 'alias', type: key, note: 'CDKTF name' });
			}
			if (d.struct) walkStruct(d.struct, key, kindTop, depth + 1, seen);
		}
		seen.delete(fqn);
	}

	const jsCache = new Map();
	for (const [fqn, t] of Object.entries(types)) {
		if (t.kind !== 'class') continue;
		const isRes = t.base === 'cdktf.TerraformResource';
		const isData = t.base === 'cdktf.TerraformDataSource';
		if (!isRes && !isData) continue;
		const m = ((t.docs && t.docs.summary) || '').match(TYPE_LINK);
		if (!m) throw new Error(`${fqn}: no Terraform type name in its docs`);
		const tfName = m[2];
		const key = isData ? `data.${tfName}` : tfName;
		const ns = t.namespace; // "s3Bucket"
		if (isData) stats.data++;
		else stats.resources++;
		put(key, { kind: isData ? 'tf_data' : 'tf_resource', aux: `${ns}.${t.name}` });
		put(`cdktf.${ns}`, { kind: 'module', type: key });
		put(`cdktf.${ns}.${t.name}`, { kind: 'alias', type: key });
		put(`cdktf_class.${t.name}`, { kind: 'alias', type: key }); // resource classes by name alone
		const params = (t.initializer && t.initializer.parameters) || [];
		const config = params[2] && unwrap(params[2].type);
		if (config && config.fqn) {
			put(`cdktf.${ns}.${types[config.fqn].name}`, { kind: 'alias', type: key });
			walkStruct(config.fqn, key, key, 1, new Set());
		}
		// computed attributes, from the class's generated JavaScript
		const file = t.locationInModule && t.locationInModule.filename; // src/s3-bucket/index.ts
		if (file) {
			const js = path.join(pkgDir, file.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js'));
			if (!jsCache.has(js)) jsCache.set(js, computedByClass(js));
			for (const c of jsCache.get(js).get(t.name) || []) {
				if (entries.has(`${key}.${c.tf}`)) continue;
				stats.computed++;
				put(`${key}.${c.tf}`, { kind: 'tf_argument', flags: ['computed'], type: '' });
			}
		}
	}
	// struct classes name their block: CDKTF Python/Java/Go build nested blocks with them
	for (const [fqn, key] of structPath) {
		const st = types[fqn];
		put(`cdktf.${st.namespace}.${st.name}`, { kind: 'alias', type: key });
	}
	return { provider, cdktf: pkg.version, entries, stats };
}

function main() {
	const argv = process.argv.slice(2);
	const opt = {};
	const pos = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i].startsWith('--')) opt[argv[i].slice(2)] = argv[++i];
		else pos.push(argv[i]);
	}
	const [out, curDir, oldDir] = pos;
	if (!out || !curDir) {
		console.error('usage: tf.js OUT.kb CURRENT_PKG_DIR [OLD_PKG_DIR] [--cfn DB.json.gz --overrides TSV]');
		process.exit(2);
	}
	const t0 = Date.now();
	const cur = indexVersion(curDir);
	if (global.gc) global.gc(); // one 130 MB jsii at a time (make runs node --expose-gc)
	let old = null;
	if (oldDir) old = indexVersion(oldDir);
	const w = new kbfile.Writer(`@cdktf/provider-aws@${cur.cdktf} (AWS provider ${cur.provider})` +
		(old ? ` + @cdktf/provider-aws@${old.cdktf} (AWS provider ${old.provider})` : ''));
	const folded = { removed: 0, removedTypes: 0, kindChanged: 0 };
	for (const e of cur.entries.values()) w.add(e);
	if (old) {
		// read in messages as "argument `vpc` of aws_eip <note>"
		const note = `was removed in AWS provider ${cur.provider.split('.')[0]}.x (present in ${old.provider})`;
		for (const e of old.entries.values()) {
			const now = cur.entries.get(e.key);
			if (!now) {
				if (e.kind === 'alias' || e.kind === 'module') {
					w.add(e);
					continue;
				}
				w.add({ ...e, flags: [...(e.flags || []), 'removed'], note });
				folded.removed++;
				if (e.kind === 'tf_resource' || e.kind === 'tf_data') folded.removedTypes++;
			} else if (now.kind !== e.kind && e.kind !== 'alias' && now.kind !== 'alias') {
				// written as a block in one version and as an argument in the other: both forms are right
				w.get(e.key).extra = `was ${e.kind} in ${old.provider}`;
				folded.kindChanged++;
			}
		}
	}
	let cfn = null;
	if (opt.cfn) cfn = tfcfn.map(w, opt.cfn, opt.overrides);
	// CDKTF's own config members (data/kb/cdktf-meta-arguments.tsv): not the provider's arguments
	const metaFile = path.join(__dirname, '..', '..', 'data', 'kb', 'cdktf-meta-arguments.tsv');
	for (const line of fs.readFileSync(metaFile, 'utf8').split('\n')) {
		if (!line || line.startsWith('#')) continue;
		const [name, url] = line.split('\t');
		w.add({ key: `cdktf_meta.${name}`, kind: 'fact', aux: url });
	}
	w.add({ key: 'provider', kind: 'fact', extra: cur.provider, aux: 'package.json cdktf.provider.version' });
	if (old) w.add({ key: 'provider_previous', kind: 'fact', extra: old.provider, aux: 'package.json cdktf.provider.version' });
	const res = w.write(out);
	const s = cur.stats;
	console.log(`tf.kb: AWS provider ${cur.provider}: ${s.resources} resources, ${s.data} data sources, ` +
		`${s.arguments} arguments, ${s.blocks} blocks, ${s.computed} computed attributes, ` +
		`${s.renamed.length} CDKTF names that differ from the Terraform name, ${s.noLink} properties without a registry link`);
	if (old) console.log(`tf.kb: folded AWS provider ${old.provider}: ${folded.removed} names only there (${folded.removedTypes} types), ` +
		`${folded.kindChanged} block/argument changes`);
	if (cfn) console.log(`tf.kb: CloudFormation types: ${cfn.derived} derived, ${cfn.overridden} from overrides, ${cfn.none} without an equivalent`);
	console.log(`tf.kb: ${res.entries} entries, ${(res.bytes / 1048576).toFixed(1)} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	if (process.env.TF_KB_RENAMED) for (const r of s.renamed) console.log(`  renamed ${r}`);
}

main();
