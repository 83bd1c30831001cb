/**
 * Imported first by the entry point: the AWS SDK writes a Node-version warning to stderr on Node 20, which would
 * corrupt an Ink screen. Set before any module that loads the SDK is evaluated.
 */
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
