/**
 * What `clicktrail athena plan` prints and `athena run` sends: the CloudTrail tables (AWS's documented DDL, with
 * partition projection over account, region and day) and the UNLOAD that writes the IoT 1-Click and identity events
 * of the partitions asked for, each record's JSON text one line, gzip'd. Pure: no I/O.
 *
 * DDL and UNLOAD take no bound parameters, so every value spliced in is first checked against a strict pattern
 * (bucket, prefix, organization, accounts, regions, database, output URI) by {@link checkPlanInput}, and then
 * quoted as a literal.
 */
import {IOT1CLICK_SOURCE} from '../events/columns.js';
import {IDENTITY_EVENTS, ISSUED_KEY_PATH} from '../events/identity.js';

/** What a plan is made of (validated by {@link checkPlanInput}). */
export type AthenaPlanInput = {
	bucket: string;
	/** The trail's S3 key prefix (before AWSLogs/), without slashes at either end; '' for none. */
	prefix: string;
	/** An organization trail's id (o-...): its logs are under AWSLogs/o-.../ACCOUNT/. */
	orgId?: string;
	accounts: readonly string[];
	regions: readonly string[];
	since: Date;
	until: Date;
	/** s3://BUCKET/PREFIX/ (ending in '/'): the records go to OUTPUT/records/, Athena's own files to OUTPUT/athena/. */
	output: string;
	/** The Glue database of the tables. */
	database: string;
};

/** The statements, in the order `athena run` sends them, and where the records land. */
export type AthenaPlan = {
	database: string;
	/** AWS's documented CloudTrail table (typed columns): for ad-hoc queries and `views show --dialect athena`. */
	table: string;
	/** The same files, one STRING column `record`: each record's JSON text as CloudTrailInputFormat hands it on. */
	recordsTable: string;
	/** CREATE DATABASE, DROP + CREATE of both tables (external tables: dropping one removes metadata only). */
	ddl: string[];
	/** The SELECT inside the UNLOAD. */
	select: string;
	/** UNLOAD (select) TO recordsLocation WITH (format = 'TEXTFILE', compression = 'GZIP'). */
	unload: string;
	/** Where the UNLOAD writes: OUTPUT/records/ (it must be empty). */
	recordsLocation: string;
	/** Where Athena writes its own result files (metadata, manifest): OUTPUT/athena/. */
	resultsLocation: string;
	/** Delivery days (yyyy/MM/dd) the partition predicate names. */
	days: string[];
};

/** The table names `athena plan` and `run` create, and `views show --dialect athena` reads. */
export const TABLE = 'clicktrail_cloudtrail';
export const RECORDS_TABLE = 'clicktrail_cloudtrail_records';
export const DEFAULT_DATABASE = 'clicktrail';
/** At most this many days in one plan (the partition predicate lists each). */
export const MAX_DAYS = 3660;

const DAY_MS = 86_400_000;

/** Throws an Error naming the first value that cannot be spliced into Athena's DDL safely. */
export function checkPlanInput(input: AthenaPlanInput): void {
	const check = (ok: boolean, message: string): void => {
		if (!ok) throw new Error(message);
	};
	check(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(input.bucket), `--bucket: not an S3 bucket name: "${input.bucket}"`);
	check(
		/^(?:[\w!.*()-]+(?:\/[\w!.*()-]+)*)?$/.test(input.prefix),
		`--prefix: letters, digits, / and !_.*()- only, no slash at either end: "${input.prefix}"`,
	);
	if (input.orgId !== undefined)
		check(/^o-[a-z0-9]{10,32}$/.test(input.orgId), `--org-id: not an organization id (o-...): "${input.orgId}"`);
	check(input.accounts.length > 0, 'athena needs at least one --account ID (partition projection lists them)');
	for (const account of input.accounts) check(/^\d{12}$/.test(account), `--account: not a 12-digit id: "${account}"`);
	check(input.regions.length > 0, 'athena needs at least one --region REGION');
	for (const region of input.regions)
		check(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/.test(region), `--region: not an AWS region: "${region}"`);
	check(/^[a-z0-9_]{1,64}$/.test(input.database), `--database: lower-case letters, digits and _ only`);
	check(
		/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[\w!.*()-]+\/)*$/.test(input.output),
		`--output: s3://BUCKET/PREFIX/ with letters, digits and !_.*()- in the prefix: "${input.output}"`,
	);
	check(input.since < input.until, '--since must be before --until');
	check(days(input.since, input.until).length <= MAX_DAYS, `at most ${MAX_DAYS} days in one query`);
}

/**
 * Delivery days that can hold events in [since, until): a key's date is its delivery time, so one day on each side
 * (as the S3 source lists them).
 */
export function days(since: Date, until: Date): string[] {
	const first = Math.floor(since.getTime() / DAY_MS) - 1;
	const last = Math.floor((until.getTime() - 1) / DAY_MS) + 1;
	const out: string[] = [];
	for (let day = first; day <= last && out.length <= MAX_DAYS; day++)
		out.push(new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '/'));
	return out;
}

/** A Trino string literal. */
export function literal(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

/** The statements for `input` (checked first). */
export function buildPlan(input: AthenaPlanInput): AthenaPlan {
	checkPlanInput(input);
	const dayList = days(input.since, input.until);
	const root = `s3://${input.bucket}/${input.prefix === '' ? '' : `${input.prefix}/`}AWSLogs/${input.orgId === undefined ? '' : `${input.orgId}/`}`;
	const projection = [
		`'projection.enabled'='true'`,
		`'projection.account.type'='enum'`,
		`'projection.account.values'=${literal(input.accounts.join(','))}`,
		`'projection.region.type'='enum'`,
		`'projection.region.values'=${literal(input.regions.join(','))}`,
		`'projection.timestamp.type'='date'`,
		`'projection.timestamp.format'='yyyy/MM/dd'`,
		`'projection.timestamp.interval'='1'`,
		`'projection.timestamp.interval.unit'='DAYS'`,
		`'projection.timestamp.range'=${literal(`${dayList[0]!},NOW`)}`,
		`'storage.location.template'=${literal(`${root}\${account}/CloudTrail/\${region}/\${timestamp}`)}`,
	];
	const db = `\`${input.database}\``;
	const table = (name: string, columns: string, serde: string): string =>
		[
			`CREATE EXTERNAL TABLE ${db}.\`${name}\` (`,
			columns,
			`)`,
			`PARTITIONED BY (\`account\` STRING, \`region\` STRING, \`timestamp\` STRING)`,
			`ROW FORMAT SERDE ${literal(serde)}`,
			`STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'`,
			`OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'`,
			`LOCATION ${literal(root)}`,
			`TBLPROPERTIES (\n  ${projection.join(',\n  ')}\n)`,
		].join('\n');
	const recordsLocation = `${input.output}records/`;
	const select = selectRecords(input, dayList);
	return {
		database: input.database,
		table: TABLE,
		recordsTable: RECORDS_TABLE,
		ddl: [
			`CREATE DATABASE IF NOT EXISTS ${db}`,
			`DROP TABLE IF EXISTS ${db}.\`${TABLE}\``,
			table(TABLE, TYPED_COLUMNS, 'org.apache.hive.hcatalog.data.JsonSerDe'),
			`DROP TABLE IF EXISTS ${db}.\`${RECORDS_TABLE}\``,
			table(RECORDS_TABLE, '  record STRING', 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'),
		],
		select,
		unload: `UNLOAD (\n${select}\n)\nTO ${literal(recordsLocation)}\nWITH (format = 'TEXTFILE', compression = 'GZIP')`,
		recordsLocation,
		resultsLocation: `${input.output}athena/`,
		days: dayList,
	};
}

/** The SELECT of the records: the partitions asked for, the time window, IoT 1-Click and identity events. */
function selectRecords(input: AthenaPlanInput, dayList: readonly string[]): string {
	const field = (path: string): string => `json_extract_scalar(record, ${literal(path)})`;
	const list = (values: readonly string[]): string => values.map(literal).join(', ');
	const identity = Object.entries(IDENTITY_EVENTS).map(
		([source, names]) =>
			`    OR (${field('$.eventSource')} = ${literal(source)} AND ${field('$.eventName')} IN (${list(names)}))`,
	);
	return [
		'SELECT record',
		`FROM "${input.database}"."${RECORDS_TABLE}"`,
		`WHERE account IN (${list(input.accounts)})`,
		`  AND region IN (${list(input.regions)})`,
		`  AND "timestamp" IN (${list(dayList)})`,
		`  AND ${field('$.eventTime')} >= ${literal(isoSeconds(input.since))}`,
		`  AND ${field('$.eventTime')} < ${literal(isoSeconds(input.until))}`,
		`  AND (${field('$.eventSource')} = ${literal(IOT1CLICK_SOURCE)}`,
		...identity,
		`    OR ${field(ISSUED_KEY_PATH)} IS NOT NULL)`,
	].join('\n');
}

/** CloudTrail's eventTime form, which compares as text: 2024-12-03T23:38:05Z (milliseconds kept when present). */
function isoSeconds(time: Date): string {
	return time.toISOString().replace('.000Z', 'Z');
}

/** The columns of AWS's documented CloudTrail table (Athena user guide, "Create the table for CloudTrail logs"). */
const TYPED_COLUMNS = `  eventversion STRING,
  useridentity STRUCT<
    type: STRING,
    principalid: STRING,
    arn: STRING,
    accountid: STRING,
    invokedby: STRING,
    accesskeyid: STRING,
    username: STRING,
    onbehalfof: STRUCT<userid: STRING, identitystorearn: STRING>,
    sessioncontext: STRUCT<
      attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>,
      sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>,
      ec2roledelivery: STRING,
      webidfederationdata: STRUCT<federatedprovider: STRING, attributes: MAP<STRING, STRING>>>>,
  eventtime STRING,
  eventsource STRING,
  eventname STRING,
  awsregion STRING,
  sourceipaddress STRING,
  useragent STRING,
  errorcode STRING,
  errormessage STRING,
  requestparameters STRING,
  responseelements STRING,
  additionaleventdata STRING,
  requestid STRING,
  eventid STRING,
  readonly STRING,
  resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>,
  eventtype STRING,
  apiversion STRING,
  recipientaccountid STRING,
  serviceeventdetails STRING,
  sharedeventid STRING,
  vpcendpointid STRING,
  vpcendpointaccountid STRING,
  eventcategory STRING,
  addendum STRUCT<reason: STRING, updatedfields: STRING, originalrequestid: STRING, originaleventid: STRING>,
  sessioncredentialfromconsole STRING,
  edgedevicedetails STRING,
  tlsdetails STRUCT<tlsversion: STRING, ciphersuite: STRING, clientprovidedhostheader: STRING>`;
