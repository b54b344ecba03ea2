/**
 * The command runner: `run(argv, io)` parses arguments, runs one command against `io` and returns
 * the exit code. It never calls `process.exit` and touches no process state, so tests drive it
 * in-process with fake streams; `main.ts` wires it to the real process.
 *
 * Arguments are parsed by commander (v14): subcommands with their own `--help`, repeatable
 * options, choices and conflicts are declared rather than hand-parsed, it has no dependencies, and
 * `exitOverride` + `configureOutput` let us keep exit codes and output streams in our hands.
 */

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../package.json';
import { runCheck } from './command-check';
import { MAX_AUTO_WORKERS, MAX_WORKERS, runScan, SCAN_FORMATS, type ScanFormat, type ScanWorkersOption } from './command-scan';
import { runListFuzzers, runVariants, VARIANT_FORMATS, type VariantFormat } from './command-variants';
import { CliError, EXIT } from './errors';
import type { CliIO } from './io';
import { useColor } from './style';

/** Commander's codes for "help or version was printed", which end the run with 0. */
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

const EXIT_CODES_HELP = `
Exit codes:
  0  nothing flagged
  1  something flagged (lookalike, impersonation or suspicious)
  2  usage error, unreadable file, or a bad trusted-list line (printed as FILE:LINE: reason)`;

const TRUSTED_HELP = `
Trusted-list file format (one entry per line, # comments, blank lines ignored):
  contoso.com                              a domain and its subdomains
  Contoso Ltd <contoso.com>                a domain with the organisation's name
  ap@contoso.com                           an address
  "Ana Pereira" <ana.pereira@contoso.com>  a contact (the display name is checked too)
  bob.smith@gmail.com                      at a freemail provider: only this address`;

const SCAN_HELP = `
Output formats:
  jsonl  (default) one JSON object per line:
           {"line":N,"input":"...","verdict":"...","score":0.97,"match":"microsoft.com"|null,
            "codes":["homoglyph",...],"reasons":[{"code":"...","message":"...",...detail}]}
         --full writes {"line":N, ...the whole CheckResult} instead (see README "Result schema").
  csv    header line,input,verdict,score,match,codes,message; RFC 4180 quoting, CRLF records;
         codes are space-separated and message joins the reasons' sentences. Cells starting with
         = + - @ (or tab, CR) get a leading ' so spreadsheets do not run them as formulas
         (senders are attacker-written); --no-formula-escape writes them verbatim.
  table  aligned columns for people, then a per-verdict summary; control, bidi and invisible
         characters are shown as <U+XXXX>.

Exactly one record per non-blank input line, in input order, with its 1-based line number;
lines that are not senders (garbage, binary, too long) give "invalid" records, never dropped.
Lines longer than ${'64 KiB'} are cut there (they are "too-long" either way).
For jsonl and csv, the per-verdict summary goes to stderr. Progress (lines/s) is shown on stderr
when stderr is a terminal and stdout is not.

--workers N checks on N worker threads (each compiles the trusted list once, so memory grows with
N); the output is the same, byte for byte and in the same order, as with the default of 1.
auto is one per core, at most ${MAX_AUTO_WORKERS}. A worker that fails ends the scan with exit code 2.`;

/** Collects a repeatable option's values (no default, so help shows none). */
function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parses `--limit`: a positive integer. */
function parseLimit(value: string): number {
  if (!/^[0-9]{1,9}$/u.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive integer.');
  return Number(value);
}

/** Parses `scan --workers`: an integer from 1 to MAX_WORKERS, or `auto`. */
function parseWorkers(value: string): ScanWorkersOption {
  if (value === 'auto') return 'auto';
  if (!/^[0-9]{1,2}$/u.test(value) || Number(value) < 1 || Number(value) > MAX_WORKERS) {
    throw new InvalidArgumentError(`expected an integer from 1 to ${MAX_WORKERS}, or auto.`);
  }
  return Number(value);
}

/** The `--trusted` option, shared by `check` and `scan`. */
function trustedOption(): Option {
  return new Option('-t, --trusted <file>', 'trusted-list file (required; repeat for several)').argParser(collect);
}

/** Builds the program; `setExit` receives each command's exit code. */
function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('sosie');
  const hasColors = useColor(io.stdout, io.env);
  const errHasColors = useColor(io.stderr, io.env);
  // Settings made before `.command()` are inherited by the subcommands.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
      getOutHasColors: () => hasColors,
      getErrHasColors: () => errHasColors,
    })
    .showSuggestionAfterError(true);

  program
    .description('Catch lookalike sender addresses against a list of trusted contacts.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', `${EXIT_CODES_HELP}\n\nRun sosie <command> --help for a command's options.`);

  program
    .command('check')
    .description('check senders (From: values, addresses or domains) given as arguments')
    .argument('<sender...>', 'senders to check, e.g. \'"Ana Pereira" <ana.pereira@c0ntoso.com>\'')
    .addOption(trustedOption())
    .option('--json', 'print one JSON CheckResult per line instead of readable text')
    .addHelpText('after', `${TRUSTED_HELP}\n${EXIT_CODES_HELP}`)
    .action(async (senders: string[], opts: { trusted?: string[]; json?: boolean }) => {
      setExit(await runCheck(io, senders, { trusted: opts.trusted ?? [], json: opts.json === true }));
    });

  program
    .command('scan')
    .description('check one sender per line of a file or stdin, streaming one record per line')
    .addOption(trustedOption())
    .option('-i, --input <file>', 'senders, one per line ("-" = stdin)', '-')
    .addOption(new Option('-f, --format <format>', 'output format').choices(SCAN_FORMATS).default('jsonl'))
    .option('--full', 'jsonl: write the whole CheckResult with its line number')
    .option('--no-formula-escape', "csv: do not prefix cells starting with = + - @ with '")
    .addOption(
      new Option('--workers <n>', `check on N worker threads (1-${MAX_WORKERS}, or auto: one per core, at most ${MAX_AUTO_WORKERS})`)
        .argParser(parseWorkers)
        .default(1),
    )
    .addHelpText('after', `${SCAN_HELP}\n${TRUSTED_HELP}\n${EXIT_CODES_HELP}`)
    .action(async (opts: { trusted?: string[]; input: string; format: ScanFormat; full?: boolean; formulaEscape: boolean; workers: ScanWorkersOption }) => {
      setExit(
        await runScan(io, {
          trusted: opts.trusted ?? [],
          input: opts.input,
          format: opts.format,
          full: opts.full === true,
          formulaEscape: opts.formulaEscape,
          workers: opts.workers,
        }),
      );
    });

  program
    .command('variants')
    .description('list lookalike domains of DOMAIN that an attacker could register')
    .argument('[domain...]', 'domains to generate variants of')
    .option('--fuzzers <list>', 'comma-separated fuzzer ids (default: all; see --list-fuzzers)')
    .option('--layouts <list>', 'comma-separated keyboard layouts: qwerty, qwertz, azerty')
    .addOption(new Option('-f, --format <format>', 'output format').choices(VARIANT_FORMATS).default('list'))
    .addOption(new Option('--limit <n>', 'at most N variants per domain').argParser(parseLimit))
    .addOption(new Option('--unicode', 'list: print domains in Unicode (U-labels)').conflicts('ascii'))
    .addOption(new Option('--ascii', 'list: print domains in ASCII (punycode A-labels; the default)').conflicts('unicode'))
    .option('--no-idn', 'generate only ASCII variants (no IDN homoglyphs)')
    .option('--list-fuzzers', 'print each fuzzer id with its description, and exit')
    .addHelpText(
      'after',
      `
Formats (streamed as generated):
  list   one domain per line, ASCII (punycode) unless --unicode: what DNS and registrar tools take
  jsonl  one {"domain","ascii","fuzzer","detail":{...}} object per line
  json   a JSON array of the same objects
  csv    header domain,ascii,fuzzer,detail; RFC 4180 quoting; detail summarised in words
         ('o'→'0' at 2; suffix .com→.co (country)); jsonl/json keep it structured
--unicode/--ascii only choose how list prints a domain; --no-idn changes what is generated.

Exit codes: 0 done, 2 usage error or invalid DOMAIN.`,
    )
    .action(
      async (
        domains: string[],
        opts: { fuzzers?: string; layouts?: string; format: VariantFormat; limit?: number; unicode?: boolean; idn: boolean; listFuzzers?: boolean },
      ) => {
        if (opts.listFuzzers === true) {
          setExit(await runListFuzzers(io));
          return;
        }
        setExit(
          await runVariants(io, domains, {
            ...(opts.fuzzers === undefined ? {} : { fuzzers: opts.fuzzers }),
            ...(opts.layouts === undefined ? {} : { layouts: opts.layouts }),
            ...(opts.limit === undefined ? {} : { limit: opts.limit }),
            format: opts.format,
            unicode: opts.unicode === true,
            idn: opts.idn,
          }),
        );
      },
    );

  return program;
}

/**
 * Runs the CLI with `argv` (the arguments after the program name) against `io`, and resolves to
 * the exit code: 0 nothing flagged, 1 something flagged, 2 usage or input-file error. It never
 * rejects: unexpected errors are reported on stderr with exit code 2.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed help, the version, or its error message.
      return HELP_CODES.has(error.code) && error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      await io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await io.stderr.write(`sosie: internal error (please report it): ${detail}\n`);
    return EXIT.usage;
  }
}
