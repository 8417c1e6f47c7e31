#!/usr/bin/env node
// The CDK API index: every submodule, class, interface, struct and enum of
// aws-cdk-lib (and of constructs, the package its constructs extend) with
// their members, from the packages' jsii manifests, written as build/kb/cdk.kb
// (format: src/kb/kb.h; conventions and figures: docs/kb-cdk.md).
//
//   node scripts/kb/cdk.js PKGDIR/aws-cdk-lib PKGDIR/constructs PKGDIR/jsii-names/node_modules OUT.kb
//
// Keys are jsii fqns without the "aws-cdk-lib." prefix: "aws_rds" (a module),
// "aws_rds.AuroraPostgresEngineVersion" (a type), "...VER_15_4" (a member),
// "Duration.minutes" (core types sit at the top level), "constructs.Node"
// (types of constructs keep their assembly). The root module is the entry
// "aws-cdk-lib". Aliases "ts:", "py:", "go:" and "java:" map each language's
// import name of a module to its key; "javaset:" a Java builder's setter
// that jsii-pacmak spells otherwise than the property (enforceSsl for
// enforceSSL, defaultValue for default) to the property. Docs and examples are left out: the
// table answers "does it exist, what type, is it deprecated".
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Writer } = require('./kbfile');
const jsiiNames = require('./jsii-names');

const ROOT = 'aws-cdk-lib';

function usage() {
	console.error('usage: cdk.js AWS_CDK_LIB_DIR CONSTRUCTS_DIR JSII_NAMES_NODE_MODULES OUT.kb');
	process.exit(2);
}

function readJsii(dir) {
	const gz = path.join(dir, '.jsii.gz');
	const raw = fs.existsSync(gz) ? zlib.gunzipSync(fs.readFileSync(gz)) : fs.readFileSync(path.join(dir, '.jsii'));
	const j = JSON.parse(raw);
	// a small .jsii may only redirect to the compressed one
	if (j.schema === 'jsii/file-redirect') return JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, j.filename))));
	return j;
}

// aws-cdk-lib's own fqns lose the assembly prefix; every other fqn is kept
// whole ("constructs.Construct"), and a type of an assembly not indexed here
// is never a key: the checks treat it as unknown.
function local(fqn) {
	return fqn.startsWith(ROOT + '.') ? fqn.slice(ROOT.length + 1) : fqn;
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

function memberFlags(m) {
	const f = [];
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
	const out = new Map();
	const re = new RegExp(`\\b${t.name}\\d*\\[${t.name}\\d*\\.(\\w+)=(-?\\d+(?:\\.\\d+)?)\\]="\\1"`, 'g');
	for (const m of cache.get(js).matchAll(re)) out.set(m[1], m[2]);
	return out;
}

// Members of a TypeScript enum, from its .d.ts: jsii keeps one name per
// value, TypeScript has them all (EbsDeviceVolumeType.GENERAL_PURPOSE_SSD is GP2).
function dtsEnumMembers(dir, t, cache) {
	const file = t.locationInModule && t.locationInModule.filename;
	if (!file || !file.endsWith('.ts')) return [];
	const dts = path.join(dir, file.replace(/\.ts$/, '.d.ts'));
	if (!cache.has(dts)) cache.set(dts, fs.existsSync(dts) ? fs.readFileSync(dts, 'utf8') : '');
	const m = cache.get(dts).match(new RegExp(`^export (?:declare )?(?:const )?enum ${t.name} \\{([\\s\\S]*?)^\\}`, 'm'));
	if (!m) return [];
	const body = m[1].replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
	return [...body.matchAll(/^\s*(\w+)\s*(?:=\s*([^,\n]*?)\s*)?(?:,|$)/gm)].map((x) => ({ name: x[1], value: x[2] }));
}

// Names a TypeScript module exports, following `export * from` through the
// .d.ts files: jsii leaves out what other languages cannot see (functions,
// constants, type aliases), and TypeScript code may still use them.
function dtsExports(file, seen = new Set(), depth = 0) {
	const names = new Set();
	if (depth > 20 || seen.has(file) || !fs.existsSync(file)) return names;
	seen.add(file);
	const text = fs.readFileSync(file, 'utf8');
	const dir = path.dirname(file);
	const target = (rel) => {
		const base = path.join(dir, rel);
		return fs.existsSync(base + '.d.ts') ? base + '.d.ts' : path.join(base, 'index.d.ts');
	};
	for (const m of text.matchAll(/^export (?:type )?\* from '([^']+)'/gm)) for (const n of dtsExports(target(m[1]), seen, depth + 1)) names.add(n);
	for (const m of text.matchAll(/^export (?:type )?\* as (\w+) from/gm)) names.add(m[1]);
	for (const m of text.matchAll(/^export (?:type )?\{([^}]*)\}/gm))
		for (const part of m[1].split(',')) {
			const n = part.trim().split(/\s+as\s+/).pop();
			if (/^\w+$/.test(n)) names.add(n);
		}
	const decl = /^export (?:declare )?(?:abstract )?(?:const enum|class|function|const|let|var|enum|namespace|interface|type) (\w+)/gm;
	for (const m of text.matchAll(decl)) names.add(m[1]);
	return names;
}

// Every module of an assembly with the name each language imports it by:
// { key, ts, dts, py, go (import path), gopkg (package name), java }. The
// root module comes first under `key`; a Go submodule's path sits below its
// parent's. Also used by scripts/cdk-snippets to wrap example code.
function moduleNames(dir, jsii, key) {
	const tg = jsii.targets;
	const gopkg = tg.go.packageName || jsii.name;
	const goRoot = `${tg.go.moduleName}/${gopkg}/v${jsii.version.split('.')[0]}`;
	const pkgExports = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).exports || {};
	const rootTypes = (pkgExports['.'] && pkgExports['.'].types) || 'index.d.ts';
	const out = [{ key, ts: jsii.name, dts: path.join(dir, rootTypes), py: tg.python.module, go: goRoot, gopkg, java: tg.java.package }];
	const goPath = new Map([[key, goRoot]]);
	for (const fqn of Object.keys(jsii.submodules || {}).sort((a, b) => a.length - b.length)) {
		const sub = jsii.submodules[fqn];
		const mkey = local(fqn);
		const dot = mkey.lastIndexOf('.');
		const gp = goPackage(sub, mkey);
		goPath.set(mkey, `${goPath.get(dot < 0 ? key : mkey.slice(0, dot)) || goRoot}/${gp}`);
		const t = sub.targets || {};
		// TypeScript imports a submodule by its exported folder ("aws-cdk-lib/aws-rds")
		const folder = (sub.symbolId || '').replace(/\/index:$/, '').replace('/lib/', '/');
		const exported = Boolean(pkgExports['./' + folder]);
		out.push({
			key: mkey, ts: exported ? `${jsii.name}/${folder}` : null, dts: exported ? path.join(dir, folder, 'index.d.ts') : null,
			py: t.python && t.python.module, go: goPath.get(mkey), gopkg: gp, java: t.java && t.java.package,
		});
	}
	return out;
}

class Index {
	constructor(w) {
		this.w = w;
		this.stats = { modules: 0, classes: 0, interfaces: 0, structs: 0, enums: 0, valued: 0, members: 0, deprecated: 0, cfn: 0, aliases: 0, tsOnly: 0, javaSetters: 0, javaGetters: 0, resourceTags: 0, defaults: 0 };
		this.jsCache = new Map();
	}

	alias(lang, name, key) {
		this.w.add({ key: `${lang}:${name}`, kind: 'alias', type: key });
		this.stats.aliases++;
	}

	// "gopkg:awsrds": the module a Go package name stands for, for code that
	// uses a package it never imports. A name two packages share names none.
	goPackage(name, key) {
		const k = `gopkg:${name}`;
		const old = this.w.get(k);
		if (old && old.type !== key) old.type = '';
		else if (!old) this.alias('gopkg', name, key);
	}

	// A member's names in Java, Python and Go by jsii-pacmak's naming code.
	// The checks compare Python and Go names with the jsii name folded
	// (ignoring case and '_'): that holds for every member, checked here, so a
	// release whose spelling breaks it stops the build. Java keeps the jsii
	// name for methods and getters; a builder's setters (a struct property's)
	// are camel-cased again, lowering runs of capitals: one that differs is a
	// "javaset:" alias, and returned (the property's aux "java=enforceSsl").
	// A getter escaped for a keyword (getDefaultValue) is a "javaget:" alias.
	spellings(key, m, isStruct, isProperty) {
		const fold = (s) => s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
		const n = this.names;
		for (const [lang, spelt] of [['python', n.python(m.name, m.const)], ['go', n.go(m.name)]])
			if (fold(spelt) !== fold(m.name)) throw new Error(`${key}.${m.name}: ${lang} spells it ${spelt}, not the jsii name folded`);
		// a getter whose name is not `get` and the jsii name (getDefaultValue for default)
		if (isProperty && !m.static && n.javaGetter(m.name) !== `get${m.name[0].toUpperCase()}${m.name.slice(1)}`) {
			this.w.add({ key: `javaget:${key}.${n.javaGetter(m.name)}`, kind: 'alias', type: `${key}.${m.name}` });
			this.stats.javaGetters++;
		}
		if (isStruct && !m.static) {
			const setter = n.javaSetter(m.name);
			if (setter !== m.name) {
				this.w.add({ key: `javaset:${key}.${setter}`, kind: 'alias', type: `${key}.${m.name}` });
				this.stats.javaSetters++;
				return setter;
			}
		}
		return null;
	}

	// One assembly: its root module (key), its submodules and types.
	assembly(dir, jsii, key) {
		const w = this.w;
		const children = new Map(); // module key -> names jsii has under it
		const child = (mod, name) => (children.get(mod) || children.set(mod, new Set()).get(mod)).add(name);
		const tsFiles = new Map();
		for (const m of moduleNames(dir, jsii, key)) {
			const names = [];
			if (m.ts) names.push(`ts=${m.ts}`), tsFiles.set(m.key, m.dts);
			if (m.py) names.push(`py=${m.py}`), this.alias('py', m.py, m.key);
			names.push(`go=${m.gopkg}`, `gopath=${m.go}`);
			this.alias('go', m.go, m.key);
			this.goPackage(m.gopkg, m.key);
			if (m.java) names.push(`java=${m.java}`), this.alias('java', m.java, m.key);
			w.add({ key: m.key, kind: 'module', aux: names });
			if (m.key !== key) {
				const dot = m.key.lastIndexOf('.');
				child(dot < 0 ? key : m.key.slice(0, dot), m.key.slice(dot + 1));
				this.stats.modules++;
			}
		}
		// every subpath the package exports can be imported; a submodule's
		// resolves to it, the others (helpers, generated metrics) exist but are
		// not indexed: their alias names no key
		const byTs = new Map([...moduleNames(dir, jsii, key)].filter((m) => m.ts).map((m) => [m.ts, m.key]));
		const pkgExports = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).exports || {};
		for (const sub of ['.', ...Object.keys(pkgExports)]) {
			if (!sub.startsWith('.')) continue;
			const ts = jsii.name + sub.slice(1);
			this.alias('ts', ts, byTs.get(ts) || (sub === './core' ? key : ''));
		}
		for (const t of Object.values(jsii.types)) this.type(dir, t, child);
		// TypeScript-only exports of each module: module entry's extra
		for (const [mkey, file] of tsFiles) {
			const known = children.get(mkey) || new Set();
			const extra = [...dtsExports(file)].filter((n) => !known.has(n)).sort();
			this.stats.tsOnly += extra.length;
			if (extra.length) w.add({ key: mkey, kind: 'module', extra });
		}
	}

	type(dir, t, child) {
		const w = this.w;
		const s = this.stats;
		const key = local(t.fqn);
		// a type's container: its namespace (a module, or a class for nested types)
		const moduleKey = t.namespace ? local(`${t.assembly}.${t.namespace}`) : t.assembly === ROOT ? ROOT : t.assembly;
		child(moduleKey, t.name);
		const dep = deprecation(t.docs);
		if (dep !== null) s.deprecated++;
		const tflags = dep !== null ? ['deprecated'] : [];
		if (t.abstract) tflags.push('abstract');
		if (t.kind === 'enum') {
			const jsiiNames = new Set((t.members || []).map((m) => m.name));
			const dts = dtsEnumMembers(dir, t, this.jsCache);
			// a TypeScript-only member names the jsii member of its value: NAME=JSII_NAME
			const byValue = new Map();
			for (const d of dts) if (jsiiNames.has(d.name) && d.value !== undefined && !byValue.has(d.value)) byValue.set(d.value, d.name);
			const tsOnly = dts.filter((d) => !jsiiNames.has(d.name))
				.map((d) => (byValue.has(d.value) ? `${d.name}=${byValue.get(d.value)}` : d.name));
			s.tsOnly += tsOnly.length;
			w.add({ key, kind: 'enum', flags: tflags, note: dep, extra: tsOnly });
			s.enums++;
			const values = enumValues(dir, t, this.jsCache);
			if (values.size) s.valued++;
			for (const m of t.members || []) {
				const md = deprecation(m.docs);
				if (md !== null) s.deprecated++;
				w.add({ key: `${key}.${m.name}`, kind: 'enum_member', flags: md !== null ? ['deprecated'] : [], note: md, extra: values.get(m.name) });
				s.members++;
			}
			return;
		}
		const bases = [...(t.base ? [t.base] : []), ...(t.interfaces || [])].map(local);
		if (t.kind === 'class') {
			const cfn = t.docs && t.docs.custom && t.docs.custom.cloudformationResource;
			if (cfn) s.cfn++;
			// The IaC model (docs/model.md) reads the CloudFormation type an L2 class stands for from its
			// `@resource` doc tag. Kept under a key with no '.' ("@resource:aws_s3:Bucket") so that no
			// child, prefix or suffix lookup of the index ever meets it.
			const res = t.docs && t.docs.custom && t.docs.custom.resource;
			if (res && !cfn) {
				w.add({ key: `@resource:${key.replace(/\./g, ':')}`, kind: 'fact', extra: res });
				s.resourceTags++;
			}
			w.add({ key, kind: 'class', flags: tflags, note: dep, type: cfn || '', extra: bases, aux: t.initializer ? params(t.initializer.parameters) : [] });
			s.classes++;
		} else {
			w.add({ key, kind: t.datatype ? 'struct' : 'interface', flags: tflags, note: dep, extra: bases });
			s[t.datatype ? 'structs' : 'interfaces']++;
		}
		for (const p of t.properties || []) {
			// a prop's documented default, as the jsii states it ("- no encryption", "Duration.days(30)"):
			// the only defaults the model fills (docs/model.md); same key convention as @resource
			if (t.datatype && p.docs && typeof p.docs.default === 'string') {
				w.add({ key: `@default:${key.replace(/\./g, ':')}:${p.name}`, kind: 'fact', extra: p.docs.default });
				s.defaults++;
			}
			const md = deprecation(p.docs);
			if (md !== null) s.deprecated++;
			const setter = this.spellings(key, p, t.datatype, true);
			w.add({
				key: `${key}.${p.name}`, kind: p.static ? 'static_property' : 'property', flags: memberFlags(p), note: md,
				type: typeRef(p.type), aux: setter ? `java=${setter}` : '',
			});
			s.members++;
		}
		for (const m of t.methods || []) {
			this.spellings(key, m, false, false);
			const md = deprecation(m.docs);
			if (md !== null) s.deprecated++;
			w.add({
				key: `${key}.${m.name}`, kind: m.static ? 'static_method' : 'method', flags: memberFlags(m), note: md,
				type: m.returns ? typeRef(m.returns.type) : '', aux: params(m.parameters),
			});
			s.members++;
		}
	}
}

function main() {
	const [cdkDir, constructsDir, namesDir, out] = process.argv.slice(2);
	if (!cdkDir || !constructsDir || !namesDir || !out) usage();
	const cdk = readJsii(cdkDir);
	const constructs = readJsii(constructsDir);
	if (cdk.name !== ROOT || constructs.name !== 'constructs') throw new Error('expected the aws-cdk-lib and constructs assemblies');
	const w = new Writer(`${ROOT}@${cdk.version}+constructs@${constructs.version}`);
	const ix = new Index(w);
	ix.names = jsiiNames.load(namesDir);
	ix.assembly(cdkDir, cdk, ROOT);
	ix.assembly(constructsDir, constructs, 'constructs');
	const size = w.write(out);
	const s = ix.stats;
	console.log(`cdk.kb: ${size.entries} entries, ${(size.bytes / 1048576).toFixed(1)} MB; ${s.modules} submodules, ` +
		`${s.classes} classes (${s.cfn} L1), ${s.interfaces} interfaces, ${s.structs} structs, ${s.enums} enums ` +
		`(${s.valued} with numeric values), ${s.members} members, ${s.deprecated} deprecated, ${s.aliases} module names, ` +
		`${s.tsOnly} TypeScript-only exports, ${s.javaSetters} Java builder setters and ${s.javaGetters} getters spelt otherwise (jsii-pacmak ${ix.names.version}), ` +
		`${s.resourceTags} @resource tags, ${s.defaults} @default texts`);
}

if (require.main === module) main();

module.exports = { moduleNames, readJsii, ROOT };
