import { describe, expect, it } from 'vitest';
import { cacheFlags, COUNT_DEFAULTS, countRows, functionPart, functionParts, groupFunctions, hasFullCollection, parseCallgrindFunctions, perfMapNamer, topFunctions, parseCallgrindTotals, parseCountArgs, perCheck, perCheckParts } from '../bench/count';

/** The head and tail of a callgrind output file, as valgrind 3.19 writes them (cache simulation on). */
const CALLGRIND_OUT = `# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 4879
cmd:  node --single-threaded .exp/count.bundle.mjs --size 100 --passes 3
part: 1

desc: I1 cache: 32768 B, 64 B, 8-way associative
desc: D1 cache: 32768 B, 64 B, 8-way associative
desc: LL cache: 16777216 B, 64 B, 16-way associative

desc: Timerange: Basic block 0 - 1575373027
desc: Trigger: Program termination

positions: line
events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
summary: 918084316 259709133 121434230 12359850 6656794 1585141 13795 28143 44360

ob=(1) /usr/bin/node
fl=(1) ???
fn=(1) 0x0000000000e4a1c0
0 12 3 1

totals: 918084316 259709133 121434230 12359850 6656794 1585141 13795 28143 44360
`;

describe('parseCountArgs', () => {
  it.each([
    { description: 'no arguments: the flat target’s sizes, 2 passes of 4,000 senders per group', argv: [], expected: COUNT_DEFAULTS },
    { description: 'two sizes with separators', argv: ['--sizes', '1_000,10000'], expected: { ...COUNT_DEFAULTS, sizes: [1000, 10_000] } },
    { description: 'passes, senders per group and a JSON file', argv: ['--passes', '3', '--per-group', '500', '--json', 'out.json'], expected: { ...COUNT_DEFAULTS, passes: 3, perGroup: 500, json: 'out.json' } },
    { description: 'functions listed', argv: ['--functions', '12'], expected: { ...COUNT_DEFAULTS, functions: 12 } },
    { description: 'a 4 MiB last level, as on a busy day', argv: ['--ll', '4'], expected: { ...COUNT_DEFAULTS, llMiB: 4 } },
  ])('$description', ({ argv, expected }) => {
    expect(parseCountArgs(argv)).toEqual(expected);
  });

  it.each([
    { description: 'one size', argv: ['--sizes', '100'], message: /two sizes/ },
    { description: 'sizes out of order', argv: ['--sizes', '100000,100'], message: /small then large/ },
    { description: 'zero passes', argv: ['--passes', '0'], message: /--passes/ },
    { description: 'an unknown option', argv: ['--rounds', '3'], message: /rounds/ },
    { description: 'functions not a number', argv: ['--functions', 'all'], message: /--functions/ },
    { description: 'a last level that is not a power of two (Valgrind needs a power-of-two number of sets)', argv: ['--ll', '6'], message: /--ll: 6 is not a power of two/ },
    { description: 'a last level of 0 MiB', argv: ['--ll', '0'], message: /--ll/ },
    { description: 'a last level over 256 MiB', argv: ['--ll', '512'], message: /--ll/ },
  ])('rejects $description', ({ argv, message }) => {
    expect(() => parseCountArgs(argv)).toThrow(message);
  });
});

describe('parseCallgrindTotals', () => {
  it('reads every event of the totals line by the events line', () => {
    const totals = parseCallgrindTotals(CALLGRIND_OUT);
    expect([...totals.keys()]).toEqual(['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw']);
    expect(totals.get('Ir')).toBe(918_084_316);
    expect(totals.get('DLmr')).toBe(28_143);
  });

  it('falls back to the summary line when there is no totals line', () => {
    const text = CALLGRIND_OUT.replace(/^totals:.*$/mu, '').replace('summary: 918084316', 'summary: 5');
    expect(parseCallgrindTotals(text).get('Ir')).toBe(5);
  });

  it('prefers the totals line to the summary line', () => {
    const text = CALLGRIND_OUT.replace('summary: 918084316', 'summary: 5');
    expect(parseCallgrindTotals(text).get('Ir')).toBe(918_084_316);
  });

  it.each([
    { description: 'no events line', text: 'totals: 1 2 3\n' },
    { description: 'no totals or summary line', text: 'events: Ir Dr\n' },
    { description: 'a total that is not a number', text: 'events: Ir Dr\ntotals: 12 x\n' },
  ])('rejects $description', ({ text }) => {
    expect(() => parseCallgrindTotals(text)).toThrow(/callgrind/);
  });
});

describe('perCheck', () => {
  it('divides the difference of the two runs by the passes and checks between them', () => {
    const shorter = new Map([['Ir', 420_000_000], ['DLmr', 17_000]]);
    const longer = new Map([['Ir', 918_000_000], ['DLmr', 28_000]]);
    const out = perCheck(shorter, longer, 2, 4000);
    expect(out.get('Ir')).toBeCloseTo(62_250, 6);
    expect(out.get('DLmr')).toBeCloseTo(1.375, 9);
  });

  it('rejects a longer run that counted less: the stretch was not steady state', () => {
    expect(() => perCheck(new Map([['Ir', 10]]), new Map([['Ir', 9]]), 1, 1)).toThrow(/Ir.*not steady state/);
  });

  it('takes only the reported events unless told otherwise: instruction misses may come out negative', () => {
    const shorter = new Map([['Ir', 10], ['ILmr', 500]]);
    const longer = new Map([['Ir', 30], ['ILmr', 400]]);
    expect([...perCheck(shorter, longer, 1, 10)]).toEqual([['Ir', 2]]);
    expect(() => perCheck(shorter, longer, 1, 10, ['Ir', 'ILmr'])).toThrow(/ILmr/);
  });
});

describe('countRows', () => {
  it('gives each reported event at both sizes with the growth', () => {
    const small = new Map([['Ir', 62_000], ['Dr', 17_000], ['D1mr', 400], ['DLmr', 3], ['DLmw', 2]]);
    const large = new Map([['Ir', 74_400], ['Dr', 20_000], ['D1mr', 480], ['DLmr', 21], ['DLmw', 9]]);
    expect(countRows(small, large)).toEqual([
      ['instructions', '62,000', '74,400', '1.20×'],
      ['data reads', '17,000', '20,000', '1.18×'],
      ['data reads missing the first level', '400', '480', '1.20×'],
      ['data reads missing the last level (16 MiB)', '3.00', '21.00', '7.00×'],
    ]);
  });

  it('names the simulated last level it was given', () => {
    const rows = countRows(new Map([['DLmr', 8]]), new Map([['DLmr', 32]]), '', 4);
    expect(rows[3]).toEqual(['data reads missing the last level (4 MiB)', '8.00', '32.00', '4.00×']);
  });

  it('shows a dash for an event a run did not count', () => {
    expect(countRows(new Map(), new Map([['Ir', 1]]))[0]).toEqual(['instructions', '—', '1.00', '—']);
  });
});

describe('functionPart', () => {
  it.each([
    { description: 'TurboFan', name: 'v8::internal::compiler::NodeProperties::HashCode(v8::internal::compiler::Node*)', part: 'compiler' },
    { description: 'the bytecode compiler', name: 'v8::internal::interpreter::BytecodeArrayRandomIterator::Initialize()', part: 'compiler' },
    { description: 'the assembler of compiled code', name: 'v8::internal::Assembler::emit_operand(int, v8::internal::Operand)', part: 'compiler' },
    { description: 'a compiler zone', name: 'v8::internal::Zone::Expand(unsigned long)', part: 'compiler' },
    { description: 'sweeping after a full collection', name: 'v8::internal::Sweeper::RawSweep(v8::internal::Page*, v8::internal::FreeSpaceTreatmentMode, v8::internal::Sweeper::SweepingMode)', part: 'gc' },
    { description: 'a scavenge', name: 'v8::internal::ScavengerCollector::CollectGarbage()', part: 'gc' },
    { description: 'a scavenge visitor', name: 'v8::internal::RootScavengeVisitor::VisitRootPointer(v8::internal::Root, char const*, v8::internal::FullObjectSlot)', part: 'gc' },
    { description: 'object sizes read while collecting', name: 'v8::internal::HeapObject::SizeFromMap(v8::internal::Map) const', part: 'gc' },
    { description: 'a template with its return type first', name: 'void v8::internal::Scavenger::ScavengePage(v8::internal::MemoryChunk*)', part: 'gc' },
    // A full collection, names as valgrind 3.19 prints them for Node 20's V8 (a forced gc() under callgrind).
    { description: "marking's worklist", name: 'heap::base::Worklist<v8::internal::HeapObject, (unsigned short)64>::Local::PublishPushSegment()', part: 'gc' },
    { description: "marking's worklists", name: 'v8::internal::MarkingWorklists::Local::Push(v8::internal::HeapObject)', part: 'gc' },
    {
      description: "marking visiting an object's pointers",
      name: 'void v8::internal::BodyDescriptorBase::IteratePointers<v8::internal::MainMarkingVisitor<v8::internal::MarkingState> >(v8::internal::HeapObject, int, int, v8::internal::MainMarkingVisitor<v8::internal::MarkingState>*)',
      part: 'gc',
    },
    { description: 'pointers updated after evacuation', name: 'non-virtual thunk to v8::internal::PointersUpdatingVisitor::VisitRootPointer(v8::internal::Root, char const*, v8::internal::FullObjectSlot)', part: 'gc' },
    { description: "the string table's cleaner", name: 'v8::internal::InternalizedStringTableCleaner::VisitRootPointers(v8::internal::Root, char const*, v8::internal::OffHeapFullObjectSlot, v8::internal::OffHeapFullObjectSlot)', part: 'gc' },
    { description: 'live objects of a page', name: 'v8::internal::LiveObjectRange<(v8::internal::LiveObjectIterationMode)0>::iterator::AdvanceToNextValidObject()', part: 'gc' },
    { description: "a scavenge's pretenuring feedback", name: 'v8::internal::PretenuringHandler::UpdateAllocationSite(v8::internal::Map, v8::internal::HeapObject, std::unordered_map<v8::internal::AllocationSite, unsigned long>*)', part: 'gc' },
    { description: "the write barrier of the checks' own stores", name: 'Builtins_RecordWriteSaveFP', part: 'check' },
    { description: 'JIT code of the checks (an address)', name: '0x000000000d1b5d40', part: 'check' },
    { description: 'a builtin the checks call', name: 'Builtins_FindOrderedHashMapEntry', part: 'check' },
    { description: 'the runtime string table (not the heap)', name: 'v8::internal::StringTable::Data::Resize(v8::internal::PtrComprCageBase)', part: 'check' },
    { description: 'a compiler-named argument does not count', name: 'v8::internal::Runtime_StringAdd(int, unsigned long*, v8::internal::compiler::Node*)', part: 'check' },
    { description: 'libc', name: '__memchr_avx2', part: 'check' },
  ])('$description', ({ name, part }) => {
    expect(functionPart(name)).toBe(part);
  });
});

describe('hasFullCollection', () => {
  const file = (marking: string): string => `events: Ir Dr DLmr
fn=(1) 0x000000000d1b5d40
0 100 30 2
fn=(2) v8::internal::ScavengerCollector::CollectGarbage()
0 40 10 1
fn=(3) v8::internal::MarkCompactCollector::ProcessMarkingWorklist(unsigned long, v8::internal::MarkCompactCollector::MarkingWorklistProcessingMode)
0 ${marking}
`;
  it.each([
    { description: 'marking ran in the counted stretch', marking: '500 200 90', expected: true },
    { description: 'its function is named but ran nothing there', marking: '0 0 0', expected: false },
  ])('$description', ({ marking, expected }) => {
    expect(hasFullCollection(parseCallgrindFunctions(file(marking)))).toBe(expected);
  });

  it('a scavenge alone is not a full collection', () => {
    expect(hasFullCollection(parseCallgrindFunctions('events: Ir\nfn=(1) v8::internal::ScavengerCollector::CollectGarbage()\n0 40\n'))).toBe(false);
  });
});

describe('functionParts', () => {
  // Two functions of the checks, one of TurboFan and one of the collector; a call's inclusive cost
  // (the line after calls=) is not the caller's own; names compressed after first use.
  const text = `events: Ir Dr DLmr
fn=(1) 0x000000000d1b5d40
0 100 30 2
+1 50 10
cfn=(2) v8::internal::Sweeper::RawSweep(v8::internal::Page*)
calls=1 0
0 9999 9999 9999
fn=(2)
0 40 20 5
fn=(3) v8::internal::compiler::Typer::Run()
0 70 7
fn=(1)
+2 1 1 1
fn=(4) Builtins_LoadIC
0 8 4 1
totals: 269 72 9
`;

  it('sums each part\'s own costs, leaving out calls\' inclusive costs, and the parts make the totals', () => {
    const parts = functionParts(parseCallgrindFunctions(text));
    expect(Object.fromEntries(parts.get('check')!)).toEqual({ Ir: 159, Dr: 45, DLmr: 4 });
    expect(Object.fromEntries(parts.get('gc')!)).toEqual({ Ir: 40, Dr: 20, DLmr: 5 });
    expect(Object.fromEntries(parts.get('compiler')!)).toEqual({ Ir: 70, Dr: 7, DLmr: 0 });
    const totals = parseCallgrindTotals(text);
    for (const event of ['Ir', 'Dr', 'DLmr']) {
      expect([...parts.values()].reduce((sum, m) => sum + m.get(event)!, 0)).toBe(totals.get(event));
    }
  });

  it('gives zeros for a part with no functions', () => {
    expect(Object.fromEntries(functionParts(parseCallgrindFunctions('events: Ir\nfn=(1) main\n0 5\n')).get('gc')!)).toEqual({ Ir: 0 });
  });
});

describe('perCheckParts', () => {
  it('lets the compiler and collector parts come out negative, not the checks\' own', () => {
    const part = (check: number, gc: number) => new Map([['check', new Map([['Ir', check]])], ['compiler', new Map([['Ir', 0]])], ['gc', new Map([['Ir', gc]])]] as const);
    const out = perCheckParts(part(100, 50), part(300, 10), 2, 10);
    expect(out.get('check')!.get('Ir')).toBe(10);
    expect(out.get('gc')!.get('Ir')).toBe(-2);
    expect(() => perCheckParts(part(300, 0), part(100, 0), 2, 10)).toThrow(/not steady state/);
  });

  it("lets the checks' own part come out negative too when a full collection ran in the counted passes", () => {
    const part = (check: number) => new Map([['check', new Map([['Ir', check]])], ['compiler', new Map([['Ir', 0]])], ['gc', new Map([['Ir', 0]])]] as const);
    expect(perCheckParts(part(300), part(100), 2, 10, true).get('check')!.get('Ir')).toBe(-10);
  });
});

describe('cacheFlags', () => {
  it.each([
    { description: 'the default: a 16 MiB last level, as on a quiet day', llMiB: undefined, ll: '--LL=16777216,16,64' },
    { description: 'a 4 MiB last level', llMiB: 4, ll: '--LL=4194304,16,64' },
  ])('$description', ({ llMiB, ll }) => {
    expect(cacheFlags(llMiB)).toEqual(['--I1=32768,8,64', '--D1=32768,8,64', ll]);
  });
});

describe('countRows of parts', () => {
  it('puts the prefix before each label and no growth beside a negative count', () => {
    const rows = countRows(new Map([['Ir', 100], ['DLmr', 2]]), new Map([['Ir', -50], ['DLmr', 4]]), 'V8 garbage collector: ');
    expect(rows[0]).toEqual(['V8 garbage collector: instructions', '100', '-50.00', '—']);
    expect(rows[3]).toEqual(['V8 garbage collector: data reads missing the last level (16 MiB)', '2.00', '4.00', '2.00×']);
  });
});

describe('perfMapNamer', () => {
  // As V8 11.3 writes them with --perf-basic-prof: start, size (hex), then the code object's name.
  const map = [
    '7f0000001000 200 JS:*queryDeleteIndex file:///work/bench/count.bundle.mjs:5166:26',
    '7f0000001400 80 JS:~ file:///work/bench/count.bundle.mjs:16977:33',
    '7f0000002000 100 Builtin:StringPrototypeCharCodeAt',
    '7f0000000800 40 JS:^checkMailbox file:///work/bench/count.bundle.mjs:17280:22',
  ].join('\n');
  const name = perfMapNamer(map);

  it.each([
    { description: 'optimised JavaScript, by name and bundle line', address: '0x00007f0000001010', expected: 'queryDeleteIndex :5166' },
    { description: 'the last byte of a code object', address: '0x7f00000011ff', expected: 'queryDeleteIndex :5166' },
    { description: 'a closure without a name', address: '0x7f0000001400', expected: '(anonymous) :16977' },
    { description: 'a builtin, without its prefix', address: '0x7f0000002050', expected: 'StringPrototypeCharCodeAt' },
    { description: 'lines read in any order', address: '0x7f0000000810', expected: 'checkMailbox :17280' },
    { description: 'between two code objects: left as it is', address: '0x7f0000001300', expected: '0x7f0000001300' },
    { description: 'below every code object', address: '0x10', expected: '0x10' },
    { description: 'a function with a name already', address: 'v8::internal::Sweeper::RawSweep(v8::internal::Page*)', expected: 'v8::internal::Sweeper::RawSweep(v8::internal::Page*)' },
  ])('$description', ({ address, expected }) => {
    expect(name(address)).toBe(expected);
  });

  it('names nothing from an empty map', () => {
    expect(perfMapNamer('')('0x7f0000001010')).toBe('0x7f0000001010');
  });
});

describe('function attribution', () => {
  it('sums the code objects of one function (compiled twice) under its name', () => {
    const own = parseCallgrindFunctions('events: Ir DLmr\nfn=(1) 0xa0\n0 10 1\nfn=(2) 0xb0\n0 5 2\nfn=(3) main\n0 1 0\n').functions;
    const named = groupFunctions(own, (n) => (n === '0xa0' || n === '0xb0' ? 'visitKey :5314' : n));
    expect(Object.fromEntries(named)).toEqual({ 'visitKey :5314': [15, 3], main: [1, 0] });
  });

  it('ranks functions by the event per check of the longer run minus the shorter, with instructions beside', () => {
    const events = ['Ir', 'DLmr'];
    const shorter = new Map([['a', [100, 10]], ['b', [50, 0]], ['gone', [40, 4]]]);
    const longer = new Map([['a', [300, 14]], ['b', [250, 40]], ['new', [80, 8]], ['gone', [40, 4]]]);
    expect(topFunctions(shorter, longer, events, 'DLmr', 2, 5, 3)).toEqual([
      ['b', 4, 20],
      ['new', 0.8, 8],
      ['a', 0.4, 20],
    ]);
    expect(topFunctions(shorter, longer, events, 'DLmr', 2, 5, Infinity).map((r) => r[0])).toEqual(['b', 'new', 'a', 'gone']);
  });
});
