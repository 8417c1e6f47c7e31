// Writes the small knowledge-base file the reader's unit tests open (tests/unit/test_kb.c).
// The names are made up on purpose: these tests are about the format, not AWS.
'use strict';
const { Writer } = require('../../scripts/kb/kbfile');
const w = new Writer('fixture@1.0.0');
w.add({ key: 'mod', kind: 'module', aux: ['py=pkg.mod', 'go=pkgmod'] });
w.add({ key: 'mod.Days', kind: 'enum' });
for (const m of ['ONE_DAY', 'ONE_WEEK', 'ONE_MONTH', 'TWO_MONTHS']) w.add({ key: `mod.Days.${m}`, kind: 'enum_member' });
w.add({ key: 'mod.Version', kind: 'class' });
w.add({ key: 'mod.Version.VER_1_2', kind: 'static_property', flags: ['static', 'deprecated'], type: 'mod.Version', note: 'no longer supported' });
w.add({ key: 'mod.Props', kind: 'struct' });
w.add({ key: 'mod.Props.vpcSubnets', kind: 'property', flags: ['optional'], type: 'mod.Selection' });
w.add({ key: 'mod.Props.vpcSubnets.deep', kind: 'property' }); // a grandchild of mod.Props
w.add({ key: 'mod.Old', kind: 'alias', type: 'mod.Version' });
w.add({ key: 'mod.Props', kind: 'struct', flags: ['abstract'] }); // merged into the first
w.add({ key: 'Top', kind: 'class' });
w.add({ key: 'mod/other', kind: 'class' }); // sorts right after every "mod." key
// A key longer than any fixed lookup buffer, with a child: its lookups must not depend on a length limit.
const long = 'Long' + 'x'.repeat(1500);
w.add({ key: long, kind: 'class' });
w.add({ key: `${long}.member`, kind: 'property' });
// A CloudFormation property with more allowed values than the real data has today (342 at most), so
// the value check cannot rely on a cap: V000 ... V599.
w.add({ key: 'Fixture::Many::Values', kind: 'cfn_resource' });
w.add({ key: 'Fixture::Many::Values.Choice', kind: 'cfn_property', type: 'string',
  extra: Array.from({ length: 600 }, (_, i) => 'V' + String(i).padStart(3, '0')) });
w.write(process.argv[2]);
