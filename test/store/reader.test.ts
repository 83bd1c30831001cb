/**
 * The screen's read lanes, directly: one connection per lane, the newest job wins (older queued or running ones reject
 * with Superseded, a running query is interrupted), lanes run side by side, and the deferred lanes forward in order.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseFile} from '../../source/store/database.js';
import {DeferredLanes} from '../../source/store/deferred-lanes.js';
import {Reader, Superseded, type ReadLanes} from '../../source/store/reader.js';

const SLOW = {sql: 'SELECT count(*) AS n FROM range(200000000) a, range(10) b WHERE a.range % 7 = b.range', params: []};

describe('Reader lanes', () => {
	let db: CaseFile;
	let reader: Reader;

	beforeAll(async () => {
		db = await CaseFile.open(':memory:');
		await db.run(
			`INSERT INTO events (eventID, eventTime, principal, eventName, raw) SELECT 'e' || i, TIMESTAMPTZ '2024-12-03 10:00:00+00' + to_seconds(i), 'p' || (i % 7), 'ListDevices', '{}' FROM range(1000) t(i)`,
		);
		reader = new Reader(db);
	});
	afterAll(async () => {
		await reader.close();
		db.close();
	});

	it('runs a job with bound parameters and returns its rows', async () => {
		const rows = await reader.run('a', query =>
			query({sql: 'SELECT count(*) AS n FROM events WHERE principal = ?', params: ['p3']}),
		);
		expect(rows).toEqual([{n: 143}]);
	});

	it('the newest job on a lane wins: a running query is interrupted, a queued one never runs', async () => {
		const started = performance.now();
		let queuedRan = false;
		const running = reader.run('b', query => query(SLOW));
		const queued = reader.run('b', async query => {
			queuedRan = true;
			return query({sql: 'SELECT 1 AS one', params: []});
		});
		const newest = reader.run('b', query => query({sql: 'SELECT 2 AS two', params: []}));
		await expect(running).rejects.toBeInstanceOf(Superseded);
		await expect(queued).rejects.toBeInstanceOf(Superseded);
		expect(await newest).toEqual([{two: 2}]);
		expect(queuedRan).toBe(false);
		// The slow query was interrupted, not waited for (alone it runs for many seconds).
		expect(performance.now() - started).toBeLessThan(20_000);
	});

	it('cancel interrupts the running job; the lane works again after', async () => {
		const running = reader.run('c', query => query(SLOW));
		await new Promise(resolve => setTimeout(resolve, 50));
		reader.cancel('c');
		await expect(running).rejects.toBeInstanceOf(Superseded);
		expect(await reader.run('c', query => query({sql: 'SELECT 3 AS three', params: []}))).toEqual([{three: 3}]);
	});

	it('lanes are independent: a slow job on one does not hold another', async () => {
		const slow = reader.run('d', query => query(SLOW));
		const fast = await reader.run('e', query => query({sql: 'SELECT count(*) AS n FROM events', params: []}));
		expect(fast).toEqual([{n: 1000}]);
		reader.cancel('d');
		await expect(slow).rejects.toBeInstanceOf(Superseded);
	});

	it('a failing query rejects with its error, not Superseded, and the lane goes on', async () => {
		await expect(reader.run('f', query => query({sql: 'SELECT nope FROM events', params: []}))).rejects.toThrow(/nope/);
		expect(await reader.run('f', query => query({sql: 'SELECT 4 AS four', params: []}))).toEqual([{four: 4}]);
	});
});

describe('DeferredLanes', () => {
	/** Lanes that record what they ran. */
	function recording(): ReadLanes & {ran: string[]; cancelled: string[]} {
		const ran: string[] = [];
		const cancelled: string[] = [];
		return {
			ran,
			cancelled,
			stable: true,
			run: (lane, job) => {
				ran.push(lane);
				return job(async q => [{sql: q.sql}], {} as never);
			},
			cancel: lane => {
				cancelled.push(lane);
			},
		};
	}

	it('holds jobs until the lanes are ready, then runs them in the order asked', async () => {
		let open!: (lanes: ReadLanes) => void;
		const deferred = new DeferredLanes(new Promise(resolve => (open = resolve)));
		expect(deferred.stable).toBe(false);
		const first = deferred.run('x', query => query({sql: 'one', params: []}));
		const second = deferred.run('y', query => query({sql: 'two', params: []}));
		deferred.cancel('x');
		const lanes = recording();
		open(lanes);
		expect(await first).toEqual([{sql: 'one'}]);
		expect(await second).toEqual([{sql: 'two'}]);
		expect(lanes.ran).toEqual(['x', 'y']);
		expect(lanes.cancelled).toEqual(['x']);
		expect(deferred.stable).toBe(true);
		// Once ready, jobs go straight through.
		expect(await deferred.run('z', query => query({sql: 'three', params: []}))).toEqual([{sql: 'three'}]);
	});

	it('when opening fails, waiting and later jobs reject with that error', async () => {
		let fail!: (error: Error) => void;
		const deferred = new DeferredLanes(new Promise((_resolve, reject) => (fail = reject)));
		const waiting = deferred.run('x', query => query({sql: 'one', params: []}));
		deferred.cancel('x');
		fail(new Error('the case file is in use'));
		await expect(waiting).rejects.toThrow('the case file is in use');
		await expect(deferred.run('y', query => query({sql: 'two', params: []}))).rejects.toThrow('in use');
	});
});
