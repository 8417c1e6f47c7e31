#!/usr/bin/env node
// Validate JSON files, or each line of JSONL files, against a JSON Schema with ajv (pinned in
// deps/npm.lock, group test). Every failure names the file, the line and the JSON pointer of the
// value that fails, and the schema rule it breaks.
//
// usage: node tests/schema/validate.js [--jsonl] [--quiet] SCHEMA FILE...
//   SCHEMA  a schema of docs/schema/ (every schema there is loaded, so their $refs resolve), or
//           `sarif` for the OASIS SARIF 2.1.0 schema of the pinned package (tests/schema/sarif-schema.js)
//   --jsonl each line of each FILE is one document (blank lines are errors)
// The packages are found under $IACGRADE_CACHE/pkg/schema-test (default: .cache beside tests/).
// Exit: 0 all valid, 1 some document invalid, 2 usage or a schema that does not compile, 3 unreadable.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const cache = process.env.IACGRADE_CACHE ? path.resolve(process.env.IACGRADE_CACHE) : path.join(root, '.cache');
const pkg = path.join(cache, 'pkg', 'schema-test');
const nodeModules = path.join(pkg, 'node_modules');
const MAX_ERRORS = 8; // per document

function die(code, msg) {
	process.stderr.write(`validate: ${msg}\n`);
	process.exit(code);
}

const args = process.argv.slice(2);
let jsonl = false, quiet = false;
while (args.length && args[0].startsWith('--')) {
	const a = args.shift();
	if (a === '--jsonl') jsonl = true;
	else if (a === '--quiet') quiet = true;
	else die(2, `unknown option ${a}`);
}
if (args.length < 2) die(2, 'usage: validate.js [--jsonl] [--quiet] SCHEMA FILE...');
const [schemaArg, ...files] = args;

if (!fs.existsSync(path.join(nodeModules, 'ajv', 'package.json')))
	die(3, `no ajv under ${nodeModules}: run \`make test-deps\` (scripts/fetch-deps test)`);

function compile() {
	const addFormats = require(path.join(nodeModules, 'ajv-formats'));
	if (schemaArg === 'sarif') {
		const Ajv = require(path.join(nodeModules, 'ajv')).default; // draft-07, as the SARIF schema is
		const ajv = new Ajv({allErrors: true, strict: false, validateFormats: true});
		addFormats(ajv);
		const schema = require('./sarif-schema.js').load(path.join(pkg, 'datadog-ci-plugin-sarif'));
		return {validate: ajv.compile(schema), name: `SARIF 2.1.0 (${schema.$id})`};
	}
	const Ajv2020 = require(path.join(nodeModules, 'ajv', 'dist', '2020')).default;
	const ajv = new Ajv2020({allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true});
	addFormats(ajv);
	const dir = path.dirname(path.resolve(schemaArg));
	let main = null;
	for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
		const s = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
		ajv.addSchema(s);
		if (path.join(dir, f) === path.resolve(schemaArg)) main = s.$id;
	}
	if (!main) die(2, `${schemaArg}: not a *.schema.json file`);
	return {validate: ajv.getSchema(main), name: path.relative(root, path.resolve(schemaArg))};
}

let checker;
try {
	checker = compile();
} catch (e) {
	die(2, `${schemaArg}: the schema does not compile: ${e.message}`);
}

// The line of every value of a JSON text, by JSON pointer: a failure in a pretty-printed report
// is shown where it is. A small parser that only tracks positions (the text is valid JSON).
function pointerLines(text) {
	const lines = new Map();
	let i = 0, line = 1;
	const ws = () => {
		for (; i < text.length; i++) {
			const c = text[i];
			if (c === '\n') line++;
			else if (c !== ' ' && c !== '\t' && c !== '\r') break;
		}
	};
	const str = () => {
		const start = i++;
		while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		i++;
		return JSON.parse(text.slice(start, i));
	};
	const esc = (k) => k.replace(/~/g, '~0').replace(/\//g, '~1');
	const value = (ptr) => {
		ws();
		lines.set(ptr, line);
		const c = text[i];
		if (c === '{' || c === '[') {
			i++;
			ws();
			const close = c === '{' ? '}' : ']';
			for (let n = 0; text[i] !== close; n++) {
				if (c === '{') {
					const k = str();
					ws();
					i++; // ':'
					value(`${ptr}/${esc(k)}`);
				} else value(`${ptr}/${n}`);
				ws();
				if (text[i] === ',') { i++; ws(); }
			}
			i++;
		} else if (c === '"') str();
		else while (i < text.length && !',]} \t\r\n'.includes(text[i])) i++;
	};
	value('');
	return lines;
}

let docs = 0, bad = 0, unreadable = 0;
function report(file, lineOf, errors) {
	bad++;
	for (const e of errors.slice(0, MAX_ERRORS)) {
		let extra = '';
		if (e.keyword === 'additionalProperties') extra = `: ${e.params.additionalProperty}`;
		else if (e.keyword === 'enum') extra = `: ${JSON.stringify(e.params.allowedValues)}`;
		else if (e.keyword === 'const') extra = `: ${JSON.stringify(e.params.allowedValue)}`;
		process.stdout.write(`${file}:${lineOf(e.instancePath)}: ${e.instancePath || '/'} ${e.message}${extra} (schema ${e.schemaPath})\n`);
	}
	if (errors.length > MAX_ERRORS) process.stdout.write(`${file}: ... and ${errors.length - MAX_ERRORS} more\n`);
}

for (const file of files) {
	let text;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (e) {
		process.stdout.write(`${file}: cannot read: ${e.message}\n`);
		unreadable++;
		continue;
	}
	const units = jsonl ? text.split('\n') : [text];
	if (jsonl && units[units.length - 1] === '') units.pop();
	if (jsonl && !units.length) {
		process.stdout.write(`${file}: no line\n`);
		bad++;
		continue;
	}
	units.forEach((unit, n) => {
		docs++;
		let doc;
		try {
			doc = JSON.parse(unit);
		} catch (e) {
			process.stdout.write(`${file}:${jsonl ? n + 1 : 1}: not JSON: ${e.message}\n`);
			bad++;
			return;
		}
		if (checker.validate(doc)) return;
		const lineOf = jsonl ? () => n + 1 : (ptr) => {
			const lines = pointerLines(unit);
			for (let p = ptr; ; p = p.slice(0, p.lastIndexOf('/'))) if (lines.has(p)) return lines.get(p);
		};
		report(file, lineOf, checker.validate.errors);
	});
}
if (!quiet || bad || unreadable)
	process.stdout.write(`validate: ${docs - bad} of ${docs} document${docs === 1 ? '' : 's'} valid against ${checker.name}\n`);
process.exit(unreadable ? 3 : bad ? 1 : 0);
