/**
 * `athena plan|run` flags -> {@link AthenaOptions}. Throws a usage error (exit status 2) for anything wrong,
 * including any value that could not be spliced into Athena's DDL safely (see plan.ts).
 */
import {EXIT, UserError} from '../exit-codes.js';
import {buildPlan, DEFAULT_DATABASE, type AthenaPlanInput} from './plan.js';

export type AthenaOptions = {
	action: 'plan' | 'run';
	plan: AthenaPlanInput;
	/** run: --workgroup (default: Athena's "primary"). */
	workgroup?: string;
	/** run: the Athena API's region (--athena-region; default $AWS_REGION or the profile's). */
	athenaRegion?: string;
};

/** The athena flags, as meow gives them. */
export type AthenaFlags = {
	bucket?: string;
	prefix?: string;
	orgId?: string;
	account?: string[];
	region?: string[];
	output?: string;
	workgroup?: string;
	database?: string;
	athenaRegion?: string;
};

const USAGE =
	'athena plan|run --bucket B [--prefix P] [--org-id o-...] --account ID... --region R... --since T --until T --output s3://RESULTS/PREFIX/';

export function athenaOptions(
	args: readonly string[],
	flags: AthenaFlags,
	times: {since?: Date; until?: Date},
): AthenaOptions {
	const [action, ...extra] = args;
	if (action !== 'plan' && action !== 'run') throw usage(`athena needs a subcommand: ${USAGE}`);
	if (extra.length > 0) throw usage(`athena ${action} takes no arguments (got "${extra[0]}")`);
	if (!flags.bucket) throw usage(`athena ${action} needs --bucket (the trail's bucket)`);
	if (!flags.output) throw usage(`athena ${action} needs --output s3://RESULTS/PREFIX/ (where Athena writes)`);
	if (!times.since || !times.until) throw usage(`athena ${action} needs --since and --until`);
	const output = flags.output.endsWith('/') ? flags.output : `${flags.output}/`;
	const plan: AthenaPlanInput = {
		bucket: flags.bucket,
		prefix: (flags.prefix ?? '').replace(/^\/+|\/+$/g, ''),
		...(flags.orgId === undefined ? {} : {orgId: flags.orgId}),
		accounts: flags.account ?? [],
		regions: flags.region ?? [],
		since: times.since,
		until: times.until,
		output,
		database: flags.database ?? DEFAULT_DATABASE,
	};
	try {
		buildPlan(plan);
	} catch (error) {
		throw usage((error as Error).message);
	}
	if (flags.workgroup !== undefined && !/^[\w.-]{1,128}$/.test(flags.workgroup))
		throw usage('--workgroup: letters, digits and ._- only');
	return {
		action,
		plan,
		...(flags.workgroup === undefined ? {} : {workgroup: flags.workgroup}),
		...(flags.athenaRegion === undefined ? {} : {athenaRegion: flags.athenaRegion}),
	};
}

function usage(message: string): UserError {
	return new UserError(message, EXIT.usage);
}
