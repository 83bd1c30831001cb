/** userAgent strings as the AWS CLI, SDKs, console and Terraform send them. */
import type {Tool} from './identities.js';

/**
 * The userAgent of a call.
 * @param tool - the client and its version.
 * @param cli - the CLI command of the call, e.g. "iot1click-devices.list-devices".
 */
export function userAgentFor(tool: Tool, cli: string): string {
	const v = tool.version;
	const service = cli.slice(0, cli.indexOf('.'));
	switch (tool.kind) {
		case 'cli':
			return `aws-cli/${v} md/awscrt#0.19.19 ua/2.0 os/linux#6.1.112-122.189.amzn2023.x86_64 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off md/command#${cli}`;
		case 'boto3':
			return `Boto3/${v} md/Botocore#${v} ua/2.0 os/linux#5.10.227-219.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/${v}`;
		case 'console':
			return 'console.amazonaws.com';
		case 'jssdk':
			return `aws-sdk-js/${v} ua/2.1 os/linux#5.10.227-219.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/${service}#${v}`;
		case 'java':
			return `aws-sdk-java/${v} Linux/5.10.226-214.880.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS Java/17.0.13 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy`;
		case 'terraform':
			return `APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/${v} (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/${service.replaceAll('-', '')}#1.20.0`;
	}
}

/** kebab-case of an operation name: ListDevices -> list-devices. */
export function kebab(name: string): string {
	let out = kebabCache.get(name);
	if (out === undefined) {
		out = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
		kebabCache.set(name, out);
	}
	return out;
}

const kebabCache = new Map<string, string>();
