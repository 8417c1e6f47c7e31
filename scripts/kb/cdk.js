#!/usr/bin/env node
// The CDK API index: every submodule, class, interface, struct and enum of
// aws-cdk-lib with their members, from the package's jsii manifest, written as
// build/kb/cdk.kb (format: src/kb/kb.h; conventions: docs/kb-cdk.md).
//
//   node scripts/kb/cdk.js PKGDIR/aws-cdk-lib OUT.kb
//
// Keys are jsii fqns without the "aws-cdk-lib." prefix: "aws_rds" (a module),
// "aws_rds.AuroraPostgresEngineVersion" (a type), "...VER_15_4" (a member),
// "Duration.minutes" (core types sit at the top level). The root module itself
// is the entry "aws-cdk-lib". "ts:", "py:", "go:" and "java:" aliases map each
// language's import name of a module to its key. Docs and examples are left
// out: the table answers "does it exist, what type, is it deprecated".
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Writer } = require('./kbfile');

const ASM = 'aws-cdk-lib';
const PREFIX = ASM + '.';

function usage() {
	console.error('usage: cdk.js AWS_CDK_LIB_DIR OUT.kb');
	process.exit(2);
}

// Strip the assembly prefix; types of other assemblies (constructs.Construct)
// keep their full fqn, which is never a key here: the reader treats them as
// unknown.
function local(fqn) {
	return fqn.startsWith(PREFIX) ? fqn.slice(PREFIX.length) : fqn;
}

// A jsii type reference as a short string: "string", "aws_rds.IClusterEngine",
// "list<aws_ec2.SubnetConfiguration>", "map<string>", "union<A|B>".
function typeRef(t) {
	if (!t) return '';
	if (t.primitive) return t.primitive;
	if (t.fqn) return local(t.fqn);
	if (t.collection) return `${t.collection.kind === 'array' ? 'list' : t.collection.kind}<${typeRef(t.collection.elementtype)}>`;
	if (t.union) return `union<${t.union.types.map(typeRef).join('|')}>`;
	if (t.intersection) return `intersection<${t.intersection.types.map(typeRef).join('&')}>`;
	return 'any';
}

// Parameters as "name:type" lines; "name?:" optional, "...name:" variadic.
function params(list) {
	return (list || []).map((p) => `${p.variadic ? '...' : ''}${p.name}${p.optional ? '?' : ''}:${typeRef(p.type)}`);
}

function deprecation(docs) {
	if (!docs) return null;
	if (docs.deprecated !== undefined) return docs.deprecated || 'deprecated';
	if (docs.stability === 'deprecated') return 'deprecated';
	return null;
}

function flagsOf(m, extra) {
	const f = [...(extra || [])];
	if (deprecation(m.docs) !== null) f.push('deprecated');
	if (m.optional) f.push('optional');
	if (m.static) f.push('static');
	if (m.abstract) f.push('abstract');
	if (m.const) f.push('const');
	return f;
}

// Go package name of a submodule: the jsii target when set, else its name
// without separators ("aws_rds" -> "awsrds"), as jsii-pacmak derives it.
function goPackage(sub, name) {
	const t = sub.targets && sub.targets.go;
	if (t && t.packageName) return t.packageName;
	return name.split('.').pop().replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

// Numeric enum values are not in the jsii manifest; the compiled JavaScript
// beside it has them ('RetentionDays2[RetentionDays2.ONE_MONTH=30]="ONE_MONTH"').
// They let "did you mean" answer THIRTY_DAYS with ONE_MONTH (both 30).
function enumValues(dir, t, cache) {
	const file = t.locationInModule && t.locationInModule.filename;
	if (!file || !file.endsWith('.ts')) return new Map();
	const js = path.join(dir, file.replace(/\.ts$/, '.js'));
	if (!cache.has(js)) cache.set(js, fs.existsSync(js) ? fs.readFileSync(js, 'utf8') : '');
	const text = cache.get(js);
	const out = new Map();
	const re = new RegExp(`\\b${t.name}\\d*\\[${t.name}\\d*\\.(\\w+)=(-?\\d+(?:\\.\\d+)?)\\]="\\1"`, 'g');
	for (const m of text.matchAll(re)) out.set(m[1], m[2]);
	return out;
}

function main() {
	const [dir, out] = process.argv.slice(2);
	if (!dir || !out) usage();
	const jsii = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, '.jsii.gz'))));
	if (jsii.name !== ASM) throw new Error(`${dir}: not the ${ASM} assembly`);
	const exportsMap = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).exports || {};
	const w = new Writer(`${ASM}@${jsii.version}`);
	const stats = { modules: 0, classes: 0, interfaces: 0, structs: 0, enums: 0, members: 0, deprecated: 0, cfn: 0, aliases: 0, valued: 0 };
	const alias = (lang, name, key) => {
		w.add({ key: `${lang}:${name}`, kind: 'alias', type: key });
		stats.aliases++;
	};

	// Modules. The Go import path of a nested submodule sits below its parent's.
	const goRoot = `${jsii.targets.go.moduleName}/${jsii.targets.go.packageName}/v${jsii.version.split('.')[0]}`;
	w.add({ key: ASM, kind: 'module', aux: [`ts=${ASM}`, `py=${jsii.targets.python.module}`, `go=${jsii.targets.go.packageName}`, `java=${jsii.targets.java.package}`] });
	alias('ts', ASM, ASM);
	alias('py', jsii.targets.python.module, ASM);
	alias('go', goRoot, ASM);
	alias('java', jsii.targets.java.package, ASM);
	const goPath = new Map();
	for (const fqn of Object.keys(jsii.submodules).sort((a, b) => a.length - b.length)) {
		const sub = jsii.submodules[fqn];
		const key = local(fqn);
		const dot = key.lastIndexOf('.');
		const parentPath = dot < 0 ? goRoot : goPath.get(key.slice(0, dot));
		const gp = goPackage(sub, key);
		goPath.set(key, `${parentPath}/${gp}`);
		const t = sub.targets || {};
		const names = [];
		// TypeScript imports a top-level submodule by its folder ("aws-cdk-lib/aws-rds")
		const folder = (sub.symbolId || '').replace(/\/index:$/, '');
		if (dot < 0 && exportsMap['./' + folder]) {
			names.push(`ts=${ASM}/${folder}`);
			alias('ts', `${ASM}/${folder}`, key);
		}
		if (t.python && t.python.module) {
			names.push(`py=${t.python.module}`);
			alias('py', t.python.module, key);
		}
		names.push(`go=${gp}`);
		alias('go', goPath.get(key), key);
		if (t.java && t.java.package) {
			names.push(`java=${t.java.package}`);
			alias('java', t.java.package, key);
		}
		w.add({ key, kind: 'module', aux: names });
		stats.modules++;
	}
	// "aws-cdk-lib/core" is the root module under another name
	if (exportsMap['./core']) alias('ts', `${ASM}/core`, ASM);

	const jsCache = new Map();
	for (const t of Object.values(jsii.types)) {
		if (t.assembly !== ASM) continue;
		const key = local(t.fqn);
		const dep = deprecation(t.docs);
		if (dep !== null) stats.deprecated++;
		const tflags = dep !== null ? ['deprecated'] : [];
		if (t.abstract) tflags.push('abstract');
		if (t.kind === 'enum') {
			w.add({ key, kind: 'enum', flags: tflags, note: dep });
			stats.enums++;
			const values = enumValues(dir, t, jsCache);
			if (values.size) stats.valued++;
			for (const m of t.members || []) {
				const md = deprecation(m.docs);
				if (md !== null) stats.deprecated++;
				w.add({ key: `${key}.${m.name}`, kind: 'enum_member', flags: md !== null ? ['deprecated'] : [], note: md, extra: values.get(m.name) });
				stats.members++;
			}
			continue;
		}
		const bases = [...(t.base ? [t.base] : []), ...(t.interfaces || [])].map(local);
		if (t.kind === 'class') {
			const cfn = t.docs && t.docs.custom && t.docs.custom.cloudformationResource;
			if (cfn) stats.cfn++;
			w.add({
				key, kind: 'class', flags: tflags, note: dep, type: cfn || '', extra: bases,
				aux: t.initializer ? params(t.initializer.parameters) : [],
			});
			stats.classes++;
		} else {
			w.add({ key, kind: t.datatype ? 'struct' : 'interface', flags: tflags, note: dep, extra: bases });
			stats[t.datatype ? 'structs' : 'interfaces']++;
		}
		for (const p of t.properties || []) {
			const md = deprecation(p.docs);
			if (md !== null) stats.deprecated++;
			w.add({ key: `${key}.${p.name}`, kind: p.static ? 'static_property' : 'property', flags: flagsOf(p), note: md, type: typeRef(p.type) });
			stats.members++;
		}
		for (const m of t.methods || []) {
			const md = deprecation(m.docs);
			if (md !== null) stats.deprecated++;
			w.add({
				key: `${key}.${m.name}`, kind: m.static ? 'static_method' : 'method', flags: flagsOf(m), note: md,
				type: m.returns ? typeRef(m.returns.type) : '', aux: params(m.parameters),
			});
			stats.members++;
		}
	}
	const size = w.write(out);
	console.log(`cdk.kb: ${size.entries} entries, ${(size.bytes / 1048576).toFixed(1)} MB; ${stats.modules} submodules, ` +
		`${stats.classes} classes (${stats.cfn} L1), ${stats.interfaces} interfaces, ${stats.structs} structs, ` +
		`${stats.enums} enums (${stats.valued} numeric), ${stats.members} members, ${stats.deprecated} deprecated, ${stats.aliases} module names`);
}

main();
