/**
 * What the lineage and sessions panes render: an event's credential chain as rows of a tree (the event's own key
 * first, each key's issuer below it, the origin last), and the sessions list. Types and one pure builder.
 */
import type {Lineage, LineageRecord, Origin} from '../../lineage/types.js';

export type {Lineage, LineageRecord, Origin};

/**
 * One row of the lineage tree. A key row: the key, who held it (made calls with it), and the identity event that
 * issued it (null: not in the loaded logs). The origin row: where the chain starts or the evidence ends.
 */
export type LineageRow =
	| {kind: 'key'; depth: number; accessKeyId: string; holder: string; issuedBy: LineageRecord | null}
	| {kind: 'origin'; depth: number; origin: Origin; accessKeyId: string | null};

/** The lineage pane's data: the lineage and its rows, newest hop first. */
export type LineageView = {lineage: Lineage; rows: LineageRow[]};

/** The rows of a lineage: each hop's key (newest first, the event's own key at the top), then the origin. */
export function lineageRows(lineage: Lineage): LineageRow[] {
	const rows: LineageRow[] = [];
	let holder = lineage.event.principal;
	for (const [depth, hop] of lineage.chain.entries()) {
		rows.push({kind: 'key', depth, accessKeyId: hop.accessKeyId, holder, issuedBy: hop.issuedBy});
		if (hop.issuedBy) holder = hop.issuedBy.principal;
	}
	const last = lineage.chain.at(-1)?.issuedBy;
	const originKey = lineage.chain.length === 0 ? lineage.event.accessKeyId : (last?.accessKeyId ?? null);
	rows.push({kind: 'origin', depth: lineage.chain.length, origin: lineage.origin, accessKeyId: originKey || null});
	return rows;
}

/** One row of the sessions list: an access key seen on IoT 1-Click events. */
export type SessionRow = {
	accessKeyId: string;
	principal: string;
	/** Who issued the key and with what call, when the issuing event is in the case file. */
	issuer: string | null;
	issuedBy: string | null;
	issuedByEventID: string | null;
	firstUse: string;
	lastUse: string;
	events: number;
	errors: number;
	sourceIPs: string;
};
