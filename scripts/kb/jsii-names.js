// How jsii-pacmak spells a jsii name in Java, Python and Go, by jsii-pacmak's
// own naming code (pinned in deps/npm.lock, group "names"), never by a copy of
// its rules: aws-cdk-lib's Java, Python and Go packages are generated with it.
//
//   const names = require('./jsii-names').load('.cache/pkg/jsii-names/node_modules');
//   names.javaSetter('enforceSSL')      -> 'enforceSsl'   (a builder's method)
//   names.javaMethod('import')          -> 'doImport'
//   names.python('minimumTLSVersion')   -> 'minimum_tls_version'
//   names.go('enforceSSL')              -> 'EnforceSSL'
//
// codemaker's case functions and jsii-pacmak's naming-util and python/util
// load as they are. The Java rules (safeJavaPropertyName, safeJavaMethodName,
// RESERVED_KEYWORDS) are static members of JavaGenerator in targets/java.js,
// a module that needs jsii-pacmak's whole dependency tree (jsii-reflect,
// jsii-rosetta, ...) to load: their source is read out of java.js and run on
// its own. A release that moves them fails the build here, loudly.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

// The text of `static NAME(...) { ... }` in a class body: the braces balance
// (the bodies hold no braces inside strings or comments; checked by running them).
function staticMethod(src, name, file) {
	const start = src.indexOf(`static ${name}(`);
	if (start < 0) throw new Error(`${file}: no static ${name}() (jsii-pacmak's Java naming moved?)`);
	let depth = 0;
	for (let i = src.indexOf('{', start); i < src.length; i++) {
		if (src[i] === '{') depth++;
		else if (src[i] === '}' && --depth === 0) return src.slice(start + 'static '.length, i + 1);
	}
	throw new Error(`${file}: unbalanced body of ${name}()`);
}

function javaRules(pacmakDir, namingUtil) {
	const file = path.join(pacmakDir, 'lib/targets/java.js');
	const src = fs.readFileSync(file, 'utf8');
	const kw = src.match(/JavaGenerator\.RESERVED_KEYWORDS = (\[[^\]]*\]);/);
	if (!kw) throw new Error(`${file}: no JavaGenerator.RESERVED_KEYWORDS`);
	const code = `'use strict';
const JavaGenerator = class {
	static ${staticMethod(src, 'safeJavaPropertyName', file)}
	static ${staticMethod(src, 'safeJavaMethodName', file)}
};
JavaGenerator.RESERVED_KEYWORDS = ${kw[1]};
JavaGenerator;`;
	const J = vm.runInNewContext(code, { naming_util_1: namingUtil }, { filename: file });
	// the keyword escape is what these rules are for: check they do it
	if (J.safeJavaPropertyName('default') !== 'defaultValue' || J.safeJavaMethodName('import') !== 'doImport')
		throw new Error(`${file}: JavaGenerator's naming no longer escapes Java keywords as expected`);
	return J;
}

function load(dir) {
	const nodeModules = path.resolve(dir);
	const pacmak = path.join(nodeModules, 'jsii-pacmak');
	const cases = require(path.join(nodeModules, 'codemaker/lib/case-utils.js'));
	const namingUtil = require(path.join(pacmak, 'lib/naming-util.js'));
	const pyUtil = require(path.join(pacmak, 'lib/targets/python/util.js'));
	const J = javaRules(pacmak, namingUtil);
	const version = JSON.parse(fs.readFileSync(path.join(pacmak, 'package.json'), 'utf8')).version;
	return {
		version,
		// JavaGenerator.emitClassBuilder and the struct builder: a setter per
		// property, `this.code.toCamelCase(JavaGenerator.safeJavaPropertyName(prop.name))`
		javaSetter: (name) => cases.toCamelCase(J.safeJavaPropertyName(name)),
		// a property's getter: `get` + jsiiToPascalCase(safeJavaPropertyName(name))
		javaGetter: (name) => 'get' + namingUtil.jsiiToPascalCase(J.safeJavaPropertyName(name)),
		javaMethod: (name) => J.safeJavaMethodName(name),
		// python.js toPythonPropertyName / toPythonMethodName / toPythonParameterName:
		// toPythonIdentifier(toSnakeCase(name)), upper-cased for a constant
		python: (name, constant) => {
			const v = pyUtil.toPythonIdentifier(cases.toSnakeCase(name));
			return constant ? v.toUpperCase() : v;
		},
		// go/types/type-member.js and class.js: jsiiToPascalCase(name)
		go: (name) => namingUtil.jsiiToPascalCase(name),
	};
}

module.exports = { load };
