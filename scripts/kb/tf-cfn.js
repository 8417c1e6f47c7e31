// The CloudFormation type of each Terraform resource type, for tf.kb (docs/kb-tf.md, "Type table").
//
// Derived, then corrected by a reviewed list:
//   1. the service: the longest prefix of data/services/tf-prefixes.tsv ("cloudwatch_log" -> Logs), else
//      the longest service-spec short name the type starts with ("s3_bucket" -> S3), else EC2 for the
//      networking kinds of data/services/networking.tsv ("security_group");
//   2. within that namespace, the CloudFormation resource whose name equals the rest of the Terraform
//      name once folded ("bucket" -> Bucket, "log_group" -> LogGroup) is taken ("name"); failing that,
//      among those whose name words hold the Terraform name's or the reverse (Alarm for
//      "metric_alarm", RecordSet for "record") and share at least half of them, with at least a
//      quarter of their properties among the type's arguments, the one sharing most arguments
//      ("name+properties");
//   3. data/kb/tf-cfn-overrides.tsv (each row with its source URL) replaces or removes a derived
//      mapping ("override"); "-" there says the type has no CloudFormation equivalent, and
//      "AWS::S3::Bucket#VersioningConfiguration" that CloudFormation keeps the Terraform resource
//      as a property of another type ("override property=VersioningConfiguration").
// The resource entry's `type` is the CloudFormation type (empty when none), `extra` says how:
// "cfn=name", "cfn=name+properties", "cfn=override", "cfn=override property=NAME" or "cfn=none".
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { KINDS } = require('./kbfile');

const fold = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const camelWords = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
	.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

function readTsv(file) {
	if (!file || !fs.existsSync(file)) return [];
	return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
}

function map(w, dbFile, overridesFile) {
	const schema = JSON.parse(zlib.gunzipSync(fs.readFileSync(dbFile))).schema;
	const byNs = new Map(); // "S3" -> [{ name, type, props:Set }]
	for (const r of Object.values(schema.resource.entities)) {
		const t = r.cloudFormationType;
		if (!t || !t.startsWith('AWS::')) continue;
		const [, ns, name] = t.split('::');
		if (!byNs.has(ns)) byNs.set(ns, []);
		byNs.get(ns).push({ name, type: t, props: new Set(Object.keys(r.properties || {}).map(fold)), names: Object.keys(r.properties || {}) });
	}
	const shortNames = Object.values(schema.service.entities).filter((s) => s.cloudFormationNamespace && s.shortName)
		.map((s) => ({ short: s.shortName, ns: s.cloudFormationNamespace.replace(/^AWS::/, '') }))
		.sort((a, b) => b.short.length - a.short.length);
	const dataDir = path.join(__dirname, '..', '..', 'data', 'services');
	const prefixes = readTsv(path.join(dataDir, 'tf-prefixes.tsv')).map(([p, ns]) => ({ p, ns }))
		.sort((a, b) => b.p.length - a.p.length);
	const networking = readTsv(path.join(dataDir, 'networking.tsv')).map(([n]) => n);
	const overrides = new Map();
	for (const [tf, cfn, url] of readTsv(overridesFile)) {
		if (!url || !/^https:\/\//.test(url)) throw new Error(`${overridesFile}: ${tf} has no source URL`);
		overrides.set(tf, cfn);
	}

	// The namespace of a Terraform type and the rests of its name to match a CloudFormation name
	// against ("cloudwatch_log_group" -> Logs, ["log_group", "cloudwatch_log_group"]).
	function service(rest) {
		const rests = [];
		let ns = null;
		for (const { p, ns: n } of prefixes) {
			if (rest === p || rest.startsWith(p + '_')) {
				ns = n;
				rests.push(rest.slice(p.length + 1));
				break;
			}
		}
		for (const { short, ns: n } of shortNames) {
			if (rest === short || rest.startsWith(short + '_')) {
				ns = ns || n;
				rests.push(rest.slice(short.length + 1));
				break;
			}
		}
		if (!ns && networking.some((n) => fold(rest).startsWith(n))) ns = 'EC2';
		if (!ns) return null;
		// tf-prefixes.tsv names the pseudo-service VPC for networking kinds; networking.tsv documents
		// them as EC2 resources in CloudFormation
		if (!byNs.has(ns)) ns = 'EC2';
		rests.push(rest);
		return { ns, rests: rests.filter(Boolean) };
	}

	const RES = KINDS.indexOf('tf_resource'), ALIAS = KINDS.indexOf('alias');
	const argsOf = new Map(); // resource type -> folded names of its top-level arguments and blocks
	for (const [k, a] of w.entries) {
		const dot = k.indexOf('.');
		if (dot < 0 || k.indexOf('.', dot + 1) >= 0 || a.kind === ALIAS) continue;
		const t = k.slice(0, dot);
		if (!argsOf.has(t)) argsOf.set(t, new Set());
		argsOf.get(t).add(fold(k.slice(dot + 1)));
	}
	const known = new Map([...byNs.values()].flat().map((c) => [c.type, c]));
	for (const [tf, cfn] of overrides) {
		if (cfn === '-') continue;
		const [t, prop] = cfn.split('#');
		if (!known.has(t)) throw new Error(`tf-cfn-overrides: ${tf}: ${t} is not a CloudFormation type`);
		if (prop && !known.get(t).names.includes(prop)) throw new Error(`tf-cfn-overrides: ${tf}: ${t} has no property ${prop}`);
	}
	const counts = { derived: 0, overridden: 0, none: 0 };
	for (const e of w.entries.values()) {
		if (e.kind !== RES) continue;
		const rest = e.key.replace(/^aws_/, '');
		let cfn = '';
		let how = 'none';
		const svc = service(rest);
		const cands = svc ? byNs.get(svc.ns) || [] : [];
		const exact = cands.find((c) => svc.rests.some((r) => fold(c.name) === fold(r)));
		if (exact) {
			cfn = exact.type;
			how = 'name';
		} else if (cands.length) {
			const args = argsOf.get(e.key) || new Set();
			const words = svc.rests[0].split('_').filter(Boolean);
			let best = null;
			for (const c of cands) {
				const cw = camelWords(c.name);
				// one name's words must hold the other's ("metric_alarm" and Alarm, "record" and RecordSet)
				if (!words.every((x) => cw.includes(x)) && !cw.every((x) => words.includes(x))) continue;
				const shared = words.filter((x) => cw.includes(x)).length;
				const nameScore = shared / Math.max(words.length, cw.length);
				let common = 0;
				for (const p of c.props) if (args.has(p)) common++;
				const propScore = c.props.size ? common / c.props.size : 0;
				// among names that fit as well, the one sharing more of the type's arguments
				const score = nameScore + (args.size ? common / args.size : 0);
				if (nameScore >= 0.5 && propScore >= 0.25 && (!best || score > best.score)) best = { c, score };
			}
			if (best) {
				cfn = best.c.type;
				how = 'name+properties';
			}
		}
		if (overrides.has(e.key)) {
			const [o, prop] = overrides.get(e.key).split('#');
			cfn = o === '-' ? '' : o;
			how = o === '-' ? 'none' : prop ? `override property=${prop}` : 'override';
			counts.overridden++;
		} else if (cfn) counts.derived++;
		if (!cfn) counts.none++;
		e.type = cfn;
		e.extra = `cfn=${how}`;
	}
	return counts;
}

module.exports = { map };
