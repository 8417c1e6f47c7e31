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
w.write(process.argv[2]);
