/**
 * Reader lanes that exist before the case file is open: the screen draws its first frame at once and opens DuckDB
 * after it. Jobs asked for meanwhile wait for the real lanes, then run there in the order asked (so the newest
 * still wins); if opening fails, they reject with that error. No DuckDB import here.
 */
import type {Job, ReadLanes} from './reader.js';

/** {@link ReadLanes} that forward to the lanes `ready` resolves with. */
export class DeferredLanes implements ReadLanes {
	private lanes?: ReadLanes;
	private readonly ready: Promise<ReadLanes>;

	constructor(ready: Promise<ReadLanes>) {
		this.ready = ready.then(lanes => {
			this.lanes = lanes;
			return lanes;
		});
		// A failure is reported by whoever awaits the opening; jobs reject with it too.
		this.ready.catch(() => undefined);
	}

	get stable(): boolean {
		return this.lanes?.stable ?? false;
	}

	run<T>(lane: string, job: Job<T>): Promise<T> {
		return this.lanes ? this.lanes.run(lane, job) : this.ready.then(lanes => lanes.run(lane, job));
	}

	cancel(lane: string): void {
		if (this.lanes) this.lanes.cancel(lane);
		else
			void this.ready.then(
				lanes => lanes.cancel(lane),
				() => undefined,
			);
	}
}
