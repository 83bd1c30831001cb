/**
 * The 18 IoT 1-Click API operations (Devices API and Projects API), with request parameters shaped like the
 * real APIs' and weights roughly as often as they are called.
 */
import type {Random} from './random.js';
import type {Device, Project, World} from './world.js';

/** Where a call happens. */
export type CallScope = {rng: Random; world: World; account: string; region: string};

/** The parts of a record an operation decides. */
export type OperationCall = {
	requestParameters: Record<string, unknown> | null;
	responseElements: Record<string, unknown> | null;
	deviceId?: string;
};

/** One API operation. */
export type IotOperation = {
	name: string;
	/** Which API (and endpoint host) it belongs to. */
	api: 'devices' | 'projects';
	readOnly: boolean;
	weight: number;
	build(scope: CallScope): OperationCall;
};

/** eventSource of every IoT 1-Click call. */
export const IOT_SOURCE = 'iot1click.amazonaws.com';

function devicesOf(scope: CallScope): Device[] {
	const own = scope.world.devicesByScope.get(`${scope.account}/${scope.region}`);
	if (own && own.length > 0) return own;
	return scope.world.devices.filter(d => d.account === scope.account);
}

function device(scope: CallScope): Device {
	return scope.rng.pick(devicesOf(scope));
}

function project(scope: CallScope): Project {
	const projects = scope.world.projectsByAccount.get(scope.account) ?? [];
	return scope.rng.pick(projects);
}

function placement(scope: CallScope): {project: Project; placementName: string} {
	const p = project(scope);
	return {project: p, placementName: scope.rng.pick(p.placements)};
}

function attributes(rng: Random): Record<string, string> {
	return {
		location: rng.pick(['Building 1', 'Building 2', 'Warehouse A', 'Store 114', 'Lab East']),
		floor: String(rng.int(1, 6)),
		contact: rng.pick(['facilities@example.com', '+1-555-0100', 'ops-oncall']),
	};
}

function placementTemplate({rng, account, region}: CallScope): Record<string, unknown> {
	return {
		defaultAttributes: {location: 'unassigned', escalation: rng.pick(['email', 'sms', 'pager'])},
		deviceTemplates: {
			button: {
				deviceType: 'button',
				callbackOverrides: {onClickSingle: `arn:aws:lambda:${region}:${account}:function:button-handler`},
			},
		},
	};
}

function deviceCall(scope: CallScope, extra: (d: Device) => Record<string, unknown> = () => ({})): OperationCall {
	const d = device(scope);
	return {requestParameters: {deviceId: d.deviceId, ...extra(d)}, responseElements: null, deviceId: d.deviceId};
}

/** Associate/DisassociateDeviceWithPlacement: the same request shape. */
function placementDeviceCall(s: CallScope) {
	const {project: p, placementName} = placement(s);
	const d = device(s);
	return {
		requestParameters: {projectName: p.projectName, placementName, deviceId: d.deviceId, deviceTemplateName: 'button'},
		responseElements: null,
		deviceId: d.deviceId,
	};
}

/** All 18 operations. */
export const IOT_OPERATIONS: readonly IotOperation[] = [
	{
		name: 'ListDevices',
		api: 'devices',
		readOnly: true,
		weight: 10,
		build: ({rng}) => ({
			requestParameters: rng.chance(0.6)
				? {deviceType: 'button', maxResults: rng.pick([25, 50, 100])}
				: {maxResults: 100},
			responseElements: null,
		}),
	},
	{name: 'DescribeDevice', api: 'devices', readOnly: true, weight: 12, build: s => deviceCall(s)},
	{name: 'GetDeviceMethods', api: 'devices', readOnly: true, weight: 5, build: s => deviceCall(s)},
	{
		name: 'UpdateDeviceState',
		api: 'devices',
		readOnly: false,
		weight: 4,
		build: s => deviceCall(s, () => ({enabled: s.rng.chance(0.7)})),
	},
	{
		name: 'InvokeDeviceMethod',
		api: 'devices',
		readOnly: false,
		weight: 6,
		build: s => {
			const call = deviceCall(s, d => ({
				deviceMethod: {deviceType: d.deviceType, methodName: s.rng.pick(['setLedColor', 'blink', 'getBatteryLevel'])},
				deviceMethodParameters: JSON.stringify({
					color: s.rng.pick(['red', 'green', 'blue']),
					durationSeconds: s.rng.int(1, 30),
				}),
			}));
			return {...call, responseElements: {deviceMethodResponse: JSON.stringify({status: 'OK'})}};
		},
	},
	{
		name: 'CreateProject',
		api: 'projects',
		readOnly: false,
		weight: 1,
		build: s => {
			const p = project(s);
			return {
				requestParameters: {
					projectName: p.projectName,
					description: p.description,
					placementTemplate: placementTemplate(s),
					tags: {team: s.rng.pick(['facilities', 'retail', 'ops']), env: 'prod'},
				},
				responseElements: null,
			};
		},
	},
	{
		name: 'UpdateProject',
		api: 'projects',
		readOnly: false,
		weight: 1.5,
		build: s => {
			const p = project(s);
			return {
				requestParameters: {
					projectName: p.projectName,
					description: `${p.description} (v${s.rng.int(2, 9)})`,
					placementTemplate: placementTemplate(s),
				},
				responseElements: null,
			};
		},
	},
	{
		name: 'DescribeProject',
		api: 'projects',
		readOnly: true,
		weight: 8,
		build: s => ({requestParameters: {projectName: project(s).projectName}, responseElements: null}),
	},
	{
		name: 'DeleteProject',
		api: 'projects',
		readOnly: false,
		weight: 0.5,
		build: s => ({requestParameters: {projectName: project(s).projectName}, responseElements: null}),
	},
	{
		name: 'ListProjects',
		api: 'projects',
		readOnly: true,
		weight: 8,
		build: ({rng}) => ({requestParameters: rng.chance(0.5) ? {maxResults: 50} : null, responseElements: null}),
	},
	{
		name: 'CreatePlacement',
		api: 'projects',
		readOnly: false,
		weight: 1.5,
		build: s => {
			const {project: p, placementName} = placement(s);
			return {
				requestParameters: {projectName: p.projectName, placementName, attributes: attributes(s.rng)},
				responseElements: null,
			};
		},
	},
	{
		name: 'UpdatePlacement',
		api: 'projects',
		readOnly: false,
		weight: 1.5,
		build: s => {
			const {project: p, placementName} = placement(s);
			return {
				requestParameters: {projectName: p.projectName, placementName, attributes: attributes(s.rng)},
				responseElements: null,
			};
		},
	},
	{
		name: 'DescribePlacement',
		api: 'projects',
		readOnly: true,
		weight: 7,
		build: s => {
			const {project: p, placementName} = placement(s);
			return {requestParameters: {projectName: p.projectName, placementName}, responseElements: null};
		},
	},
	{
		name: 'DeletePlacement',
		api: 'projects',
		readOnly: false,
		weight: 0.5,
		build: s => {
			const {project: p, placementName} = placement(s);
			return {requestParameters: {projectName: p.projectName, placementName}, responseElements: null};
		},
	},
	{
		name: 'ListPlacements',
		api: 'projects',
		readOnly: true,
		weight: 7,
		build: s => ({requestParameters: {projectName: project(s).projectName, maxResults: 100}, responseElements: null}),
	},
	{
		name: 'AssociateDeviceWithPlacement',
		api: 'projects',
		readOnly: false,
		weight: 2,
		build: placementDeviceCall,
	},
	{
		name: 'DisassociateDeviceFromPlacement',
		api: 'projects',
		readOnly: false,
		weight: 1,
		build: placementDeviceCall,
	},
	{
		name: 'GetDevicesInPlacement',
		api: 'projects',
		readOnly: true,
		weight: 6,
		build: s => {
			const {project: p, placementName} = placement(s);
			return {requestParameters: {projectName: p.projectName, placementName}, responseElements: null};
		},
	},
];

/** Looks an operation up by name. */
export function iotOperation(name: string): IotOperation {
	const op = IOT_OPERATIONS.find(o => o.name === name);
	if (!op) throw new Error(`Unknown IoT 1-Click operation: ${name}`);
	return op;
}

/** The endpoint host a client sends the call to. */
export function iotHost(op: IotOperation, region: string): string {
	return `${op.api}.iot1click.${region}.amazonaws.com`;
}
