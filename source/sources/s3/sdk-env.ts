/**
 * Imported before @aws-sdk/client-s3 (ES modules run in import order). The SDK writes a
 * NodeVersionSupportWarning to stderr on Node < 22 when a client is built; that text corrupts an Ink screen.
 */
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

export {};
