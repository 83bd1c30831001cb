// The baseline: the straightforward DuckDB load of the same files, written as anyone would first write it:
// read_json with Records as JSON[], unnest, keep IoT 1-Click, extract the same columns into a table.
// With --identity, the identity events (sts AssumeRole and the like, source/events/identity.ts) are kept too, in the
// same table: the like-for-like baseline, since clicktrail keeps them for credential lineage.
// Usage: node naive-load.mjs DB FILE_LIST_JSON [--identity]
import {readFileSync} from 'node:fs';
import {DuckDBInstance, LIST, VARCHAR, listValue} from '@duckdb/node-api';

const [database, listFile, flag] = process.argv.slice(2);
const {IDENTITY_EVENTS} = await import('../../dist/events/identity.js');
const services = Object.entries(IDENTITY_EVENTS).map(
	([source, names]) => `WHEN '${source}' THEN rec->>'eventName' IN (${names.map(name => `'${name}'`).join(', ')})`,
);
const identity =
	flag === '--identity'
		? ` OR coalesce(CASE rec->>'eventSource' ${services.join(' ')} END, false)
	OR (rec->>'$.responseElements.credentials.accessKeyId') IS NOT NULL`
		: '';
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const instance = await DuckDBInstance.create(database, {autoinstall_known_extensions: 'false'});
const c = await instance.connect();
const started = performance.now();
await c.run(
	`CREATE TABLE events AS
SELECT rec->>'eventID' AS eventID, CAST(rec->>'eventTime' AS TIMESTAMPTZ) AS eventTime, rec->>'eventSource' AS eventSource,
	rec->>'eventName' AS eventName, rec->>'awsRegion' AS awsRegion, rec->>'sourceIPAddress' AS sourceIPAddress,
	rec->>'userAgent' AS userAgent, rec->>'errorCode' AS errorCode, rec->>'errorMessage' AS errorMessage,
	CAST(rec->>'readOnly' AS BOOLEAN) AS readOnly, rec->>'requestID' AS requestID, rec->>'eventType' AS eventType,
	rec->>'eventVersion' AS eventVersion, rec->>'recipientAccountId' AS recipientAccountId,
	rec->'userIdentity' AS userIdentity, rec->'requestParameters' AS requestParameters,
	rec->'responseElements' AS responseElements,
	coalesce(rec->>'$.userIdentity.arn', rec->>'$.userIdentity.invokedBy', rec->>'$.userIdentity.principalId') AS principal,
	rec->>'$.userIdentity.type' AS principalType, rec->>'$.userIdentity.accountId' AS accountId,
	rec->>'$.userIdentity.accessKeyId' AS accessKeyId, rec->>'$.requestParameters.deviceId' AS deviceId,
	rec->>'$.requestParameters.projectName' AS projectName, rec->>'$.requestParameters.placementName' AS placementName,
	rec AS raw, filename AS sourceFile
FROM (SELECT unnest(Records) AS rec, filename FROM read_json($files, columns = {Records: 'JSON[]'}, filename = true, maximum_object_size = 67108864))
WHERE rec->>'eventSource' = 'iot1click.amazonaws.com'${identity}`,
	{files: listValue(files)},
	{files: LIST(VARCHAR)},
);
const reader = await c.runAndReadAll('SELECT count(*)::INTEGER AS n FROM events');
const elapsed = performance.now() - started;
process.stdout.write(`${JSON.stringify({events: reader.getRowObjectsJS()[0].n, ms: elapsed})}\n`);
c.closeSync();
instance.closeSync();
