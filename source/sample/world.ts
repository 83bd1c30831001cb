/** The fixed cast of a sample: accounts, regions, devices, projects, placements and identities, all from the seed. */
import {buildIdentities} from './identity-cast.js';
import {assumedRole, type IdentityProfile} from './identities.js';
import {Random} from './random.js';

/** An IoT 1-Click device (a button), claimed into one account and region. */
export type Device = {deviceId: string; deviceType: string; account: string; region: string};

/** An IoT 1-Click project and its placements. */
export type Project = {projectName: string; account: string; description: string; placements: string[]};

/** Everything fixed for a seed. */
export type World = {
	accounts: string[];
	regions: string[];
	organizationId: string;
	/** The account whose logs sit under the organization trail prefix. */
	organizationAccount: string;
	bucket: string;
	trailName: string;
	devices: Device[];
	/** Devices by `${account}/${region}`. */
	devicesByScope: Map<string, Device[]>;
	projectsByAccount: Map<string, Project[]>;
	identitiesByAccount: Map<string, IdentityProfile[]>;
	/** The session behind the planted incident (never used for background events). */
	incidentIdentity: IdentityProfile;
	/** The principal with wide and combining characters (hostile text). */
	hostileIdentity: IdentityProfile;
};

/** The regions of a sample, in order of activity. */
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

/** The distinctive session name of the incident. */
export const INCIDENT_SESSION = 'tmp-recovery-7f3c';

/** The incident's source address (TEST-NET-3, outside the corporate ranges). */
export const INCIDENT_IP = '203.0.113.66';

/** A session name with CJK, an emoji and a combining acute accent (e + U+0301). */
export const HOSTILE_SESSION = '運用チーム-🔧-cafe\u0301';

const PROJECT_NAMES = [
	'warehouse-call-buttons',
	'front-desk-service',
	'lab-reorder',
	'facilities-alerts',
	'retail-checkout-help',
	'hotel-housekeeping',
];

const PLACEMENT_WORDS = [
	'dock',
	'lobby',
	'floor2',
	'floor3',
	'room101',
	'room214',
	'kitchen',
	'aisle7',
	'gate-b',
	'lab-east',
];

/** Builds the world of a seed. */
export function buildWorld(seed: number): World {
	const rng = new Random(seed, 1);
	const accounts: string[] = [];
	while (accounts.length < 3) {
		const account = String(rng.int(1, 9)) + rng.digits(11);
		if (!accounts.includes(account)) accounts.push(account);
	}
	const [a0, a1, a2] = accounts as [string, string, string];
	const regions = [...REGIONS];
	const organizationId = `o-${rng.lowerAlnum(10)}`;

	const devices: Device[] = [];
	const devicesByScope = new Map<string, Device[]>();
	const seen = new Set<string>();
	for (const account of accounts) {
		for (const region of regions) {
			const count = account === a0 && region === 'us-east-1' ? 16 : 3;
			const list: Device[] = [];
			while (list.length < count) {
				const prefix = rng.weighted(['G030PM', 'G030MD', 'G030JF'], p => (p === 'G030PM' ? 6 : 2));
				const deviceId = prefix + rng.digits(10);
				if (seen.has(deviceId)) continue;
				seen.add(deviceId);
				const device = {deviceId, deviceType: 'button', account, region};
				list.push(device);
				devices.push(device);
			}
			devicesByScope.set(`${account}/${region}`, list);
		}
	}

	const projectsByAccount = new Map<string, Project[]>();
	accounts.forEach((account, i) => {
		const projects: Project[] = [];
		for (const projectName of PROJECT_NAMES.slice(i * 2, i * 2 + 2)) {
			const placements: string[] = [];
			const count = rng.int(2, 5);
			while (placements.length < count) {
				const name = `${rng.pick(PLACEMENT_WORDS)}-${rng.int(1, 40)}`;
				if (!placements.includes(name)) placements.push(name);
			}
			projects.push({projectName, account, description: `Buttons for ${projectName.replaceAll('-', ' ')}`, placements});
		}
		projectsByAccount.set(account, projects);
	});

	const identitiesByAccount = new Map<string, IdentityProfile[]>();
	accounts.forEach((account, i) => {
		identitiesByAccount.set(account, buildIdentities(rng, account, `${7 + i}${rng.digits(11)}`));
	});

	const boto = {kind: 'boto3' as const, version: '1.34.11'};
	const incidentIdentity = assumedRole({
		rng,
		account: a0,
		roleName: 'IoTFleetOperator',
		sessionName: INCIDENT_SESSION,
		sourceIPs: [INCIDENT_IP],
		tools: [boto],
	});
	const hostileIdentity = assumedRole({
		rng,
		account: a1,
		roleName: 'IoTFleetOperator',
		sessionName: HOSTILE_SESSION,
		sourceIPs: ['198.51.100.23'],
		tools: [{kind: 'console', version: ''}],
	});

	return {
		accounts,
		regions,
		organizationId,
		organizationAccount: a2,
		bucket: `aws-cloudtrail-logs-${a0}-${rng.hex(8)}`,
		trailName: 'org-management-trail',
		devices,
		devicesByScope,
		projectsByAccount,
		identitiesByAccount,
		incidentIdentity,
		hostileIdentity,
	};
}
