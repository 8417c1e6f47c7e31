// The OASIS SARIF 2.1.0 JSON schema, taken out of the pinned package that bundles it
// (deps/npm.lock, group test: @datadog/datadog-ci-plugin-sarif's dist/bundle.js holds the schema file
// src/json-schema/sarif-schema-2.1.0.json as an object literal). The literal is data only; it is
// evaluated in an empty context, and its $id and title are checked before it is used.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const OASIS_ID = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';

function load(pkgDir) {
	const file = path.join(pkgDir, 'dist', 'bundle.js');
	const text = fs.readFileSync(file, 'utf8');
	const region = text.indexOf('//#region src/json-schema/sarif-schema-2.1.0.json');
	const start = region < 0 ? -1 : text.indexOf('= {\n', text.indexOf('var sarif_schema_2_1_0_default', region));
	const end = start < 0 ? -1 : text.indexOf('\n};\n', start);
	if (region < 0 || start < 0 || end < 0) throw new Error(`${file}: no sarif-schema-2.1.0.json region in the bundle`);
	const schema = vm.runInNewContext('(' + text.slice(start + 2, end + 2) + ')', Object.create(null), {timeout: 5000});
	if (schema.$id !== OASIS_ID) throw new Error(`${file}: the bundled schema's $id is ${schema.$id}, not ${OASIS_ID}`);
	if (!/SARIF\) Version 2\.1\.0 JSON Schema$/.test(schema.title || '')) throw new Error(`${file}: unexpected title ${schema.title}`);
	return JSON.parse(JSON.stringify(schema)); // plain JSON values, out of the evaluation context
}

module.exports = {load, OASIS_ID};
