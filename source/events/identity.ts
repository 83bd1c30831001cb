/**
 * The identity events: the CloudTrail events that issue or establish credentials. Every load keeps them (in their own
 * table, identity_events) whatever services it keeps, because credential lineage walks through them. The loader, the
 * Athena query and the detection rules read this one list.
 */

/** eventSource -> the eventNames of that service that issue or establish credentials. */
export const IDENTITY_EVENTS: Readonly<Record<string, readonly string[]>> = {
	'sts.amazonaws.com': [
		'AssumeRole',
		'AssumeRoleWithSAML',
		'AssumeRoleWithWebIdentity',
		'GetSessionToken',
		'GetFederationToken',
	],
	'signin.amazonaws.com': ['ConsoleLogin', 'SwitchRole'],
	'sso.amazonaws.com': ['GetRoleCredentials'],
	'iam.amazonaws.com': ['CreateAccessKey', 'UpdateAccessKey'],
};

/**
 * Besides the list: any event whose responseElements carries credentials.accessKeyId issued a key, whatever its
 * service (e.g. a newer STS or SSO call), and is kept as an identity event too.
 */
export const ISSUED_KEY_PATH = '$.responseElements.credentials.accessKeyId';

/** Every (eventSource, eventName) pair of {@link IDENTITY_EVENTS}, flat. */
export const IDENTITY_EVENT_PAIRS: ReadonlyArray<{eventSource: string; eventName: string}> = Object.entries(
	IDENTITY_EVENTS,
).flatMap(([eventSource, names]) => names.map(eventName => ({eventSource, eventName})));
