-- clicktrail view "incident window" for Athena (Trino), over clicktrail.clicktrail_cloudtrail_records
-- (created by clicktrail athena plan|run): events are the IoT 1-Click records, columns as in the case file.
WITH events AS (
  SELECT
    json_extract_scalar(record, '$.eventID') AS eventID,
    from_iso8601_timestamp(json_extract_scalar(record, '$.eventTime')) AS eventTime,
    json_extract_scalar(record, '$.eventSource') AS eventSource,
    json_extract_scalar(record, '$.eventName') AS eventName,
    json_extract_scalar(record, '$.awsRegion') AS awsRegion,
    json_extract_scalar(record, '$.sourceIPAddress') AS sourceIPAddress,
    json_extract_scalar(record, '$.userAgent') AS userAgent,
    json_extract_scalar(record, '$.errorCode') AS errorCode,
    json_extract_scalar(record, '$.errorMessage') AS errorMessage,
    CAST(json_extract_scalar(record, '$.readOnly') AS BOOLEAN) AS readOnly,
    json_extract_scalar(record, '$.requestID') AS requestID,
    json_extract_scalar(record, '$.eventType') AS eventType,
    json_extract_scalar(record, '$.eventVersion') AS eventVersion,
    json_extract_scalar(record, '$.recipientAccountId') AS recipientAccountId,
    json_extract(record, '$.userIdentity') AS userIdentity,
    json_extract(record, '$.requestParameters') AS requestParameters,
    json_extract(record, '$.responseElements') AS responseElements,
    coalesce(nullif(CASE json_extract_scalar(record, '$.userIdentity.type')
      WHEN 'IAMUser' THEN json_extract_scalar(record, '$.userIdentity.arn') WHEN 'Root' THEN json_extract_scalar(record, '$.userIdentity.arn') WHEN 'FederatedUser' THEN json_extract_scalar(record, '$.userIdentity.arn')
      WHEN 'Role' THEN json_extract_scalar(record, '$.userIdentity.arn') WHEN 'AssumedRole' THEN json_extract_scalar(record, '$.userIdentity.arn')
      WHEN 'AWSService' THEN json_extract_scalar(record, '$.userIdentity.invokedBy')
      WHEN 'AWSAccount' THEN json_extract_scalar(record, '$.userIdentity.accountId')
      WHEN 'IdentityCenterUser' THEN json_extract_scalar(record, '$.userIdentity.onBehalfOf.userId')
      WHEN 'SAMLUser' THEN json_extract_scalar(record, '$.userIdentity.userName') || coalesce(' (' || json_extract_scalar(record, '$.userIdentity.identityProvider') || ')', '')
      WHEN 'WebIdentityUser' THEN json_extract_scalar(record, '$.userIdentity.userName') || coalesce(' (' || json_extract_scalar(record, '$.userIdentity.identityProvider') || ')', '')
    END, ''), nullif(json_extract_scalar(record, '$.userIdentity.principalId'), ''), nullif(json_extract_scalar(record, '$.userIdentity.userName'), ''), nullif(json_extract_scalar(record, '$.userIdentity.arn'), ''), nullif(json_extract_scalar(record, '$.userIdentity.invokedBy'), ''), nullif(json_extract_scalar(record, '$.userIdentity.accountId'), ''), 'unknown') AS principal,
    json_extract_scalar(record, '$.userIdentity.type') AS principalType,
    coalesce(json_extract_scalar(record, '$.userIdentity.accountId'), json_extract_scalar(record, '$.recipientAccountId')) AS accountId,
    json_extract_scalar(record, '$.userIdentity.accessKeyId') AS accessKeyId,
    json_extract_scalar(record, '$.requestParameters.deviceId') AS deviceId,
    json_extract_scalar(record, '$.requestParameters.projectName') AS projectName,
    json_extract_scalar(record, '$.requestParameters.placementName') AS placementName,
    json_parse(record) AS raw,
    "$path" AS sourceFile,
    account,
    region,
    "timestamp"
  FROM "clicktrail"."clicktrail_cloudtrail_records"
  WHERE json_extract_scalar(record, '$.eventSource') = 'iot1click.amazonaws.com'
  -- Add account, region and "timestamp" (yyyy/MM/dd) predicates here to limit the data Athena scans.
)
SELECT *
FROM events
WHERE eventName = 'UpdateDeviceState'
  AND (principal IS DISTINCT FROM 'arn:aws:iam::111122223333:user/mallory')
  AND deviceId = 'G030PM0123''456789'
  AND eventTime >= TIMESTAMP '2024-12-03 23:28:00 UTC'
  AND eventTime < TIMESTAMP '2024-12-04 00:00:00.250 UTC'
  AND errorCode IS NOT NULL
  AND (strpos(lower(json_format(raw)), 'g030pm') > 0)
ORDER BY eventTime DESC, eventID DESC;
