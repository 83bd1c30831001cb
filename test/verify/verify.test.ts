/**
 * `clicktrail verify` through the built CLI (run `npm run build` first), on a signed generated archive: untouched it
 * verifies clean; each kind of tampering is reported with its status, and every break in a chain is reported.
 */
import {cp, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gunzipSync, gzipSync} from 'node:zlib';
import {beforeAll, describe, expect, it} from 'vitest';
import {generateSample, sampleTestPublicKeys} from '../../source/sample/index.js';
import type {GroundTruth} from '../../source/sample/types.js';
import {CaseFile} from '../../source/store/database.js';
import type {Finding, VerifyReport} from '../../source/verify/index.js';
import {runCli, type CliResult} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';

let work: string;
let clean: string;
let keys: string;
let signatures: string;
let truth: GroundTruth;
/** The longest digest chain, oldest first: keys and the log files each lists. */
let chain: {key: string; logs: string[]}[];
let copies = 0;

type Digest = {digestS3Object: string; previousDigestS3Object: string | null; logFiles: {s3Object: string}[]};

async function readDigest(root: string, key: string): Promise<Digest> {
	return JSON.parse(gunzipSync(await readFile(path.join(root, key))).toString('utf8')) as Digest;
}

/** A fresh copy of the clean archive. */
async function copy(): Promise<string> {
	copies += 1;
	const target = path.join(work, `copy-${copies}`);
	await cp(clean, target, {recursive: true});
	return target;
}

async function verify(dir: string, ...extra: string[]): Promise<CliResult & {report: VerifyReport}> {
	const result = await runCli([
		'verify',
		dir,
		'--public-keys',
		keys,
		'--signatures',
		signatures,
		'--format',
		'json',
		...extra,
	]);
	let report: VerifyReport;
	try {
		report = JSON.parse(result.stdout) as VerifyReport;
	} catch {
		throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return {...result, report};
}

const find = (report: VerifyReport, file: string): Finding | undefined =>
	report.findings.find(finding => finding.file === file);
const problems = (report: VerifyReport): Finding[] =>
	report.findings.filter(f => f.status !== 'valid' && f.status !== 'not-checked');

beforeAll(async () => {
	work = await tempDir('clicktrail-verify-');
	clean = path.join(work, 'clean');
	signatures = path.join(work, 'signatures.json');
	keys = path.join(work, 'keys.json');
	// Four days, small files: chains of a few dozen digests.
	truth = await generateSample({
		outDir: clean,
		events: 4000,
		recordsPerFile: 40,
		seed: 11,
		start: '2024-12-01T00:00:00Z',
		end: '2024-12-05T00:00:00Z',
		signaturesFile: signatures,
	});
	await writeFile(keys, JSON.stringify(sampleTestPublicKeys()));
	const digests = new Map<string, Digest>();
	for (const key of truth.digestFiles) digests.set(key, await readDigest(clean, key));
	// Walk each chain back from its newest digest.
	const previous = new Set(
		[...digests.values()].map(d => d.previousDigestS3Object).filter((k): k is string => k !== null),
	);
	const chains = [...digests.values()]
		.filter(d => !previous.has(d.digestS3Object))
		.map(newest => {
			const links: {key: string; logs: string[]}[] = [];
			for (
				let d: Digest | undefined = newest;
				d;
				d = d.previousDigestS3Object ? digests.get(d.previousDigestS3Object) : undefined
			) {
				links.unshift({key: d.digestS3Object, logs: d.logFiles.map(l => l.s3Object)});
			}
			return links;
		});
	chain = chains.sort((a, b) => b.length - a.length)[0]!;
	expect(chain.length).toBeGreaterThanOrEqual(8);
});

describe('clicktrail verify', () => {
	it('verifies an untouched archive clean, signatures included (exit 0)', async () => {
		const {code, report, stderr} = await verify(clean);
		expect(code, stderr).toBe(0);
		expect(report.summary.ok).toBe(true);
		expect(report.summary.digests).toBe(truth.digestFiles.length);
		expect(report.summary.logFiles).toBe(truth.logFiles.length);
		expect(report.summary.signaturesChecked).toBe(truth.digestFiles.length);
		expect(report.findings.map(f => f.status)).toEqual(report.findings.map(() => 'valid'));
		expect(
			report.findings
				.filter(f => f.kind === 'log')
				.map(f => f.file)
				.sort(),
		).toEqual(truth.logFiles);
		expect(
			report.findings
				.filter(f => f.kind === 'digest')
				.map(f => f.file)
				.sort(),
		).toEqual(truth.digestFiles);
	});

	it('prints the report shape asked for with --format json', async () => {
		const {report} = await verify(clean);
		expect(Object.keys(report).sort()).toEqual(['findings', 'summary']);
		expect(report.summary).toMatchObject({source: path.resolve(clean), ok: true, chains: expect.any(Number) as number});
		for (const finding of report.findings) {
			expect(Object.keys(finding).sort()).toEqual(['detail', 'file', 'kind', 'status']);
			expect(['log', 'digest']).toContain(finding.kind);
		}
	});

	it('prints readable text by default', async () => {
		const result = await runCli(['verify', clean, '--public-keys', keys, '--signatures', signatures]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`${truth.digestFiles.length} of ${truth.digestFiles.length} verified`);
		expect(result.stdout).toContain('result: everything checked is valid');
	});

	it('checks hashes and chains without signatures, and says signatures were not checked', async () => {
		const result = await runCli(['verify', clean, '--format', 'json']);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as VerifyReport;
		expect(report.summary.signaturesChecked).toBe(0);
		expect(report.summary.signaturesNote).toMatch(/not checked/);
		expect(report.findings.filter(f => f.kind === 'digest').every(f => f.status === 'not-checked')).toBe(true);
		expect(report.findings.filter(f => f.kind === 'log').every(f => f.status === 'valid')).toBe(true);
	});

	it('reports a log file changed by one byte inside its JSON as tampered (exit 4)', async () => {
		const dir = await copy();
		const log = chain[3]!.logs[0]!;
		const text = gunzipSync(await readFile(path.join(dir, log))).toString('utf8');
		const at = text.indexOf('"eventName":"') + '"eventName":"'.length;
		const changed = text.slice(0, at) + (text[at] === 'X' ? 'Y' : 'X') + text.slice(at + 1);
		await writeFile(path.join(dir, log), gzipSync(changed));
		const {code, report} = await verify(dir);
		expect(code).toBe(4);
		expect(find(report, log)).toMatchObject({kind: 'log', status: 'tampered'});
		expect(problems(report)).toHaveLength(1);
	});

	it('reports a deleted log file as missing', async () => {
		const dir = await copy();
		const log = chain[2]!.logs[0]!;
		await rm(path.join(dir, log));
		const {code, report} = await verify(dir);
		expect(code).toBe(4);
		expect(find(report, log)).toMatchObject({kind: 'log', status: 'missing'});
		expect(problems(report)).toHaveLength(1);
	});

	it('reports a deleted digest as missing and the break on both sides of it', async () => {
		const dir = await copy();
		const [before, gone, after] = [chain[2]!, chain[3]!, chain[4]!];
		await rm(path.join(dir, gone.key));
		const {code, report} = await verify(dir);
		expect(code).toBe(4);
		expect(find(report, gone.key)).toMatchObject({kind: 'digest', status: 'missing'});
		expect(find(report, after.key)).toMatchObject({status: 'chain-gap'});
		expect(find(report, before.key)).toMatchObject({status: 'chain-gap'});
		for (const log of gone.logs) expect(find(report, log)).toMatchObject({status: 'unlisted'});
		// One digest gone: nothing else is inferred missing.
		expect(report.findings.filter(f => f.status === 'missing')).toHaveLength(1);
	});

	it('reports both of two consecutive deleted digests (aws-cli reports one: aws-cli#7054)', async () => {
		const dir = await copy();
		const [before, first, second, after] = [chain[4]!, chain[5]!, chain[6]!, chain[7]!];
		await rm(path.join(dir, first.key));
		await rm(path.join(dir, second.key));
		const {code, report} = await verify(dir);
		expect(code).toBe(4);
		// The second is named by the digest after it; the first is inferred from its log files, which no digest lists.
		expect(find(report, second.key)).toMatchObject({kind: 'digest', status: 'missing'});
		const missing = report.findings.filter(f => f.status === 'missing' && f.kind === 'digest');
		expect(missing).toHaveLength(2);
		const inferred = missing.find(f => f.file !== second.key)!;
		expect(new RegExp(`^${inferred.file.replace(/[.]/g, '\\.').replace('*', '.*')}$`).test(first.key)).toBe(true);
		expect(find(report, after.key)).toMatchObject({status: 'chain-gap'});
		expect(find(report, before.key)).toMatchObject({status: 'chain-gap'});
		for (const log of [...first.logs, ...second.logs]) expect(find(report, log)).toMatchObject({status: 'unlisted'});
	});

	it('reports an altered signature as signature-invalid', async () => {
		const altered = path.join(work, 'altered-signatures.json');
		const map = JSON.parse(await readFile(signatures, 'utf8')) as Record<string, string>;
		const key = chain[1]!.key;
		const signature = map[key]!;
		map[key] = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
		await writeFile(altered, JSON.stringify(map));
		const result = await runCli(['verify', clean, '--public-keys', keys, '--signatures', altered, '--format', 'json']);
		expect(result.code).toBe(4);
		const report = JSON.parse(result.stdout) as VerifyReport;
		expect(find(report, key)).toMatchObject({kind: 'digest', status: 'signature-invalid'});
		expect(problems(report)).toHaveLength(1);
	});

	it('reports a log file no digest lists as unlisted', async () => {
		const dir = await copy();
		const log = chain[1]!.logs[0]!;
		const extra = log.replace(/_[A-Za-z0-9]{16}\.json\.gz$/, '_ZZZZZZZZZZZZZZZZ.json.gz');
		await cp(path.join(dir, log), path.join(dir, extra));
		const {code, report} = await verify(dir);
		expect(code).toBe(4);
		expect(find(report, extra)).toMatchObject({kind: 'log', status: 'unlisted'});
		expect(problems(report)).toHaveLength(1);
	});

	it('exits 2 on a wrong command line and 1 when the source is not there', async () => {
		expect((await runCli(['verify'])).code).toBe(2);
		expect((await runCli(['verify', clean, '--format', 'csv'])).code).toBe(2);
		const result = await runCli(['verify', path.join(work, 'nowhere')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/no such folder/);
	});

	it("records each loaded file's integrity in the case file's ledger", async () => {
		const dir = await copy();
		const db = path.join(work, 'ledger.duckdb');
		const tampered = chain[3]!.logs[0]!;
		expect((await runCli(['load', dir, '--db', db, '--quiet'])).code).toBe(0);
		const text = gunzipSync(await readFile(path.join(dir, tampered))).toString('utf8');
		await writeFile(path.join(dir, tampered), gzipSync(text.replace('"eventVersion":"1.', '"eventVersion":"2.')));
		const result = await verify(dir, '--db', db);
		expect(result.code).toBe(4);
		expect(result.stderr).toMatch(/recorded the integrity of \d+ loaded files/);
		const caseFile = await CaseFile.open(db, {readOnly: true});
		try {
			const rows = await caseFile.all(
				`SELECT path, integrity, integrityCheckedAt FROM files WHERE status = 'loaded' ORDER BY path`,
			);
			expect(rows).toHaveLength(truth.logFiles.length);
			for (const row of rows) {
				expect(row['integrity']).toBe(String(row['path']) === path.join(dir, tampered) ? 'tampered' : 'valid');
				expect(row['integrityCheckedAt']).toBeInstanceOf(Date);
			}
		} finally {
			caseFile.close();
		}
	});
});
