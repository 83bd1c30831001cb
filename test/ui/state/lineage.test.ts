/**
 * The lineage tree and sessions list in state: L from a record, moving, Enter on a hop (and back), the pivots to a
 * hop's key or holder, the sessions' pivot; the rows built from a lineage, newest hop first.
 */
import {describe, expect, it} from 'vitest';
import type {LineageRecord} from '../../../source/lineage/types.js';
import {lineageRows, type LineageView, type SessionRow} from '../../../source/ui/model/lineage.js';
import {lineageRowText} from '../../../source/ui/panes/lineage.js';
import type {UiAction} from '../../../source/ui/state/actions.js';
import {initialState, type UiState} from '../../../source/ui/state/state.js';
import {update} from '../../../source/ui/state/update.js';

const record = (over: Partial<LineageRecord>): LineageRecord => ({
	eventID: 'e',
	eventTime: '2024-12-03T23:38:05Z',
	eventSource: 'iot1click.amazonaws.com',
	eventName: 'UpdateDeviceState',
	awsRegion: 'us-east-1',
	recipientAccountId: '111122223333',
	principal: 'arn:aws:sts::111122223333:assumed-role/ButtonOps/mallory',
	principalType: 'AssumedRole',
	accountId: '111122223333',
	accessKeyId: 'ASIAAAAAAAAAAAAAAAA1',
	sourceIPAddress: '198.51.100.24',
	userAgent: 'aws-cli',
	errorCode: null,
	sourceFile: 'f.json',
	invokedBy: null,
	sessionCreated: null,
	sessionIssuer: null,
	fromConsole: null,
	mfaAuthenticated: null,
	sourceIdentity: null,
	issuedAccessKeyId: null,
	roleArn: null,
	roleSessionName: null,
	sharedEventID: null,
	isIdentityEvent: false,
	...over,
});

const event = record({});
const hop1 = record({
	eventID: 'sts-1',
	eventTime: '2024-12-03T23:31:07Z',
	eventSource: 'sts.amazonaws.com',
	eventName: 'AssumeRole',
	principal: 'arn:aws:sts::111122223333:assumed-role/Deployer/alice-deploy',
	accessKeyId: 'ASIAAAAAAAAAAAAAAAA2',
	isIdentityEvent: true,
});
const hop2 = record({
	eventID: 'sts-2',
	eventTime: '2024-12-03T23:20:41Z',
	eventSource: 'sts.amazonaws.com',
	eventName: 'AssumeRole',
	principal: 'arn:aws:iam::111122223333:user/alice',
	principalType: 'IAMUser',
	accessKeyId: 'AKIAAAAAAAAAAAAAAAA3',
	isIdentityEvent: true,
});
const lineage = {
	event,
	chain: [
		{accessKeyId: 'ASIAAAAAAAAAAAAAAAA1', issuedBy: hop1},
		{accessKeyId: 'ASIAAAAAAAAAAAAAAAA2', issuedBy: hop2},
	],
	origin: {
		principal: hop2.principal,
		principalType: 'IAMUser',
		kind: 'long-term-key' as const,
		complete: true,
		reason: 'long-term access key AKIAAAAAAAAAAAAAAAA3',
	},
};
const view: LineageView = {lineage, rows: lineageRows(lineage)};

const run = (state: UiState, ...actions: UiAction[]) => actions.reduce((s, a) => update(s, a).state, state);
const key = (scope: 'record' | 'lineage' | 'sessions' | 'browse', action: string) =>
	({type: 'key', scope, action}) as UiAction;

function inRecord(): UiState {
	const state = initialState();
	return {...state, mode: 'record', record: {eventID: 'e', line: 0, top: 0}};
}

describe('lineage tree rows', () => {
	it('lists the keys newest first, each with who held it and what issued it, then the origin', () => {
		expect(view.rows.map(row => lineageRowText(row, 'UTC'))).toEqual([
			'key ASIAAAAAAAAAAAAAAAA1 held by arn:aws:sts::111122223333:assumed-role/ButtonOps/mallory · issued 2024-12-03 23:31:07 UTC by sts.amazonaws.com AssumeRole',
			'└─ key ASIAAAAAAAAAAAAAAAA2 held by arn:aws:sts::111122223333:assumed-role/Deployer/alice-deploy · issued 2024-12-03 23:20:41 UTC by sts.amazonaws.com AssumeRole',
			'   └─ origin: arn:aws:iam::111122223333:user/alice (IAMUser) · long-term-key · complete',
		]);
		expect(view.rows.at(-1)).toMatchObject({kind: 'origin', accessKeyId: 'AKIAAAAAAAAAAAAAAAA3'});
	});

	it('marks a key whose issuance is not in the logs', () => {
		const missing = {
			event,
			chain: [{accessKeyId: 'ASIAAAAAAAAAAAAAAAA1', issuedBy: null}],
			origin: {...lineage.origin, kind: 'missing-issuance' as const, complete: false, reason: 'load sts'},
		};
		const rows = lineageRows(missing);
		expect(lineageRowText(rows[0]!, 'UTC')).toContain('issued by: not in the loaded logs');
		expect(lineageRowText(rows[1]!, 'UTC')).toContain('INCOMPLETE');
	});
});

describe('lineage in state', () => {
	const opened = () => {
		const state = run(inRecord(), key('record', 'open-lineage'));
		return {...state, data: {...state.data, lineage: {key: JSON.stringify('e'), data: view}}};
	};

	it('L opens the tree of the record on screen; Esc goes back to it', () => {
		const state = opened();
		expect(state.mode).toBe('lineage');
		expect(state.lineage).toMatchObject({eventID: 'e', cursor: 0});
		const back = run(state, key('lineage', 'back'));
		expect(back.mode).toBe('record');
		expect(back.record?.eventID).toBe('e');
	});

	it('Enter on a hop opens its issuing event; Esc returns to the tree, then to the first record', () => {
		const hop = run(opened(), key('lineage', 'down'), key('lineage', 'open'));
		expect(hop.mode).toBe('record');
		expect(hop.record).toMatchObject({eventID: 'sts-2', back: 'lineage'});
		expect(hop.record?.eventTime?.toISOString()).toBe('2024-12-03T23:20:41.000Z');
		const tree = run(hop, key('record', 'back'));
		expect(tree.mode).toBe('lineage');
		expect(tree.lineage?.cursor).toBe(1);
		expect(run(tree, key('lineage', 'back')).record?.eventID).toBe('e');
	});

	it('Enter on the origin says it is no event', () => {
		const state = run(opened(), key('lineage', 'bottom'), key('lineage', 'open'));
		expect(state.mode).toBe('lineage');
		expect(state.message).toMatch(/origin is an identity/);
	});

	it("a filters the events to the hop's key, p to the principal that held it; Esc restores the filter", () => {
		const byKey = run(opened(), key('lineage', 'down'), key('lineage', 'pivot-access-key'));
		expect(byKey.mode).toBe('browse');
		expect(byKey.filter.chips).toEqual([
			{kind: 'field', field: 'accessKeyId', value: 'ASIAAAAAAAAAAAAAAAA2', exclude: false},
		]);
		expect(run(byKey, key('browse', 'back')).filter.chips).toEqual([]);
		const byHolder = run(opened(), key('lineage', 'down'), key('lineage', 'pivot-principal'));
		expect(byHolder.filter.chips).toEqual([{kind: 'field', field: 'principal', value: hop1.principal, exclude: false}]);
		const origin = run(opened(), key('lineage', 'bottom'), key('lineage', 'pivot-access-key'));
		expect(origin.filter.chips[0]).toMatchObject({field: 'accessKeyId', value: 'AKIAAAAAAAAAAAAAAAA3'});
	});
});

describe('sessions in state', () => {
	const row = (accessKeyId: string, principal: string): SessionRow => ({
		accessKeyId,
		principal,
		issuer: null,
		issuedBy: null,
		issuedByEventID: null,
		firstUse: '2024-12-03T00:00:00Z',
		lastUse: '2024-12-03T01:00:00Z',
		events: 3,
		errors: 1,
		sourceIPs: '198.51.100.1',
	});

	it('K opens the list; Enter filters to the selected key, p to its principal', () => {
		let state = run(initialState(), key('browse', 'open-sessions'));
		expect(state.mode).toBe('sessions');
		state = {...state, data: {...state.data, sessions: {key: 'sessions', data: [row('K1', 'P1'), row('K2', 'P2')]}}};
		const byKey = run(state, key('sessions', 'down'), key('sessions', 'pivot-access-key'));
		expect(byKey.mode).toBe('browse');
		expect(byKey.filter.chips).toEqual([{kind: 'field', field: 'accessKeyId', value: 'K2', exclude: false}]);
		const byPrincipal = run(
			state,
			key('sessions', 'down'),
			key('sessions', 'down'),
			key('sessions', 'pivot-principal'),
		);
		expect(byPrincipal.filter.chips).toEqual([{kind: 'field', field: 'principal', value: 'P2', exclude: false}]);
		expect(run(state, key('sessions', 'back')).mode).toBe('browse');
	});
});
