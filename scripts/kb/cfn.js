#!/usr/bin/env node
// Build-time: the CloudFormation knowledge base (build/kb/cfn.kb) from @aws-cdk/aws-service-spec's db.json.gz,
// plus the hand-written template facts of data/kb/cfn.tsv. Key conventions (docs/kb-cfn.md):
//
//   AWS::S3::Bucket                                         cfn_resource   aux = transform it needs (SAM types)
//   AWS::S3::Bucket.BucketName                              cfn_property   type, flags required/deprecated,
//                                                                          extra = allowed values, aux = older types
//   AWS::S3::Bucket/BucketEncryption                        cfn_type       a property type (nested structure)
//   AWS::S3::Bucket/BucketEncryption.ServerSideEncryption...  cfn_property of that property type
//   AWS::RDS::DBCluster@Endpoint.Address                    cfn_attribute  for Fn::GetAtt, type
//   pseudo.AWS::Region, function.Fn::GetAtt, ...            fact           extra = value, aux = source URL
//
// Type expressions: string integer number boolean json date-time tag, list<T>, map<T>, a property type key
// (AWS::S3::Bucket/Rule), and A|B for a value that may be either.
//
// Usage: cfn.js SERVICE_SPEC_DIR FACTS.tsv OUT.kb
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const kb = require('./kbfile');

const [specDir, factsFile, out] = process.argv.slice(2);
if (!specDir || !factsFile || !out) {
	console.error('usage: cfn.js SERVICE_SPEC_DIR FACTS.tsv OUT.kb');
	process.exit(2);
}

const pkg = JSON.parse(fs.readFileSync(path.join(specDir, 'package.json'), 'utf8'));
const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(specDir, 'db.json.gz'))));
const schema = db.schema;
const w = new kb.Writer(`${pkg.name}@${pkg.version}`);

// Every property type belongs to exactly one resource (usesType), and its name is unique within it.
const typeDefs = new Map(schema.typeDefinition.entities.map((t) => [t.$id, t]));
const owner = new Map();
for (const [resId, list] of Object.entries(schema.usesType.forward))
	for (const { $id } of list) owner.set($id, resId);
const resources = new Map(schema.resource.entities.map((r) => [r.$id, r]));
const typeKey = (id) => {
	const td = typeDefs.get(id), res = resources.get(owner.get(id));
	if (!td || !res) throw new Error(`property type ${id} has no owning resource`);
	return `${res.cloudFormationType}/${td.name}`;
};

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'json', 'date-time', 'tag', 'null']);
function typeExpr(t) {
	if (PRIMITIVES.has(t.type)) return t.type;
	switch (t.type) {
	case 'array': return `list<${typeExpr(t.element)}>`;
	case 'map': return `map<${typeExpr(t.element)}>`;
	case 'ref': return typeKey(t.reference.$ref);
	case 'union': return t.types.map(typeExpr).join('|');
	default: throw new Error(`unknown type kind ${t.type}`);
	}
}

// Allowed values of a scalar, or of the scalars of a list (the data puts them on the element type).
function allowed(t) {
	if (t.allowedValues) return t.allowedValues.map(String);
	if (t.type === 'array' || t.type === 'map') return allowed(t.element);
	return null;
}

function addProperty(parent, name, p) {
	const flags = [];
	if (p.required) flags.push('required');
	if (p.deprecated) flags.push('deprecated');
	const values = allowed(p.type);
	w.add({
		key: `${parent}.${name}`,
		kind: 'cfn_property',
		type: typeExpr(p.type),
		flags,
		note: p.deprecated ? `deprecated in the CloudFormation schema (${p.deprecated})` : '',
		extra: values || '',
		aux: (p.previousTypes || []).map(typeExpr),
	});
}

let nres = 0, nprop = 0, ntype = 0, nattr = 0;
for (const r of schema.resource.entities) {
	const type = r.cloudFormationType;
	w.add({ key: type, kind: 'cfn_resource', aux: r.cloudFormationTransform || '' });
	nres++;
	for (const [name, p] of Object.entries(r.properties)) addProperty(type, name, p), nprop++;
	for (const [name, a] of Object.entries(r.attributes)) {
		w.add({ key: `${type}@${name}`, kind: 'cfn_attribute', type: typeExpr(a.type) });
		nattr++;
	}
}
for (const [id, td] of typeDefs) {
	const key = typeKey(id);
	w.add({ key, kind: 'cfn_type' });
	ntype++;
	for (const [name, p] of Object.entries(td.properties)) addProperty(key, name, p), nprop++;
}

// Hand-written facts: group, name, value ('-' for none), source URL.
let nfact = 0;
fs.readFileSync(factsFile, 'utf8').split('\n').forEach((line, i) => {
	if (!line.trim() || line.startsWith('#')) return;
	const cols = line.split('\t');
	if (cols.length !== 4 || !/^https:\/\//.test(cols[3])) {
		console.error(`${factsFile}:${i + 1}: expected group, name, value, https source URL (tab-separated)`);
		process.exit(1);
	}
	const [group, name, value, url] = cols.map((c) => c.trim());
	if (!/^[a-z][a-z-]*$/.test(group)) {
		console.error(`${factsFile}:${i + 1}: a group is lowercase (it must not collide with a resource type)`);
		process.exit(1);
	}
	w.add({ key: `${group}.${name}`, kind: 'fact', extra: value === '-' ? '' : value, aux: url });
	nfact++;
});

const res = w.write(out);
console.log(`${out}: ${res.entries} entries (${nres} resource types, ${ntype} property types, ${nprop} properties, ` +
	`${nattr} attributes, ${nfact} facts), ${res.bytes} bytes`);
