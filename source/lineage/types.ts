/**
 * Credential lineage: from an event's access key back, hop by hop, through the identity events that issued each key,
 * to the identity that started the chain. Plain data; walk.ts builds it, output.ts prints it.
 */

/** An event as the walk sees it (from events or identity_events). Strings are log text: print them through inert. */
export type LineageRecord = {
	eventID: string;
	/** ISO 8601, UTC, seconds. */
	eventTime: string;
	eventSource: string | null;
	eventName: string | null;
	awsRegion: string | null;
	recipientAccountId: string | null;
	principal: string;
	principalType: string | null;
	accountId: string | null;
	accessKeyId: string | null;
	sourceIPAddress: string | null;
	userAgent: string | null;
	errorCode: string | null;
	sourceFile: string | null;
	invokedBy: string | null;
	/** userIdentity.sessionContext.attributes.creationDate: when the session's key was issued. */
	sessionCreated: string | null;
	sessionIssuer: string | null;
	/** sessionCredentialFromConsole ('true' for a console session's key). */
	fromConsole: string | null;
	mfaAuthenticated: boolean | null;
	sourceIdentity: string | null;
	/** Identity events only: the key issued, the role, the session name, the cross-account copy's shared ID. */
	issuedAccessKeyId: string | null;
	roleArn: string | null;
	roleSessionName: string | null;
	sharedEventID: string | null;
	isIdentityEvent: boolean;
};

/** One hop: a key, and the identity event that issued it (null when that event is not in the case file). */
export type Hop = {accessKeyId: string; issuedBy: LineageRecord | null};

/** Why the walk stopped. */
export type OriginKind =
	| 'long-term-key'
	| 'console-sign-in'
	| 'sso-sign-in'
	| 'root'
	| 'aws-service'
	| 'saml'
	| 'web-identity'
	| 'missing-issuance'
	| 'cross-account-caller'
	| 'no-access-key'
	| 'cycle'
	| 'too-deep';

/** Where the chain starts (or where the evidence ends, when `complete` is false). */
export type Origin = {
	principal: string;
	principalType: string | null;
	kind: OriginKind;
	/** True when the chain reaches an identity that holds no issued key: nothing more to find in the logs. */
	complete: boolean;
	/** What stopped the walk, and for an incomplete chain what to load to go further. */
	reason: string;
};

/** An event's lineage: chain[0] issued the event's own key, each next hop the key of the one before. */
export type Lineage = {event: LineageRecord; chain: Hop[]; origin: Origin};

/** What the walk reads: implemented on a case file by source/store/lineage.ts. */
export type LineageLookup = {
	/** The identity events that issued this key, with their cross-account copies; successful and oldest first. */
	issuers(accessKeyId: string): Promise<LineageRecord[]>;
};
