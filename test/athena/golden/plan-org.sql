CREATE DATABASE IF NOT EXISTS `clicktrail`;

DROP TABLE IF EXISTS `clicktrail`.`clicktrail_cloudtrail`;

CREATE EXTERNAL TABLE `clicktrail`.`clicktrail_cloudtrail` (
  eventversion STRING,
  useridentity STRUCT<
    type: STRING,
    principalid: STRING,
    arn: STRING,
    accountid: STRING,
    invokedby: STRING,
    accesskeyid: STRING,
    username: STRING,
    onbehalfof: STRUCT<userid: STRING, identitystorearn: STRING>,
    sessioncontext: STRUCT<
      attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>,
      sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>,
      ec2roledelivery: STRING,
      webidfederationdata: STRUCT<federatedprovider: STRING, attributes: MAP<STRING, STRING>>>>,
  eventtime STRING,
  eventsource STRING,
  eventname STRING,
  awsregion STRING,
  sourceipaddress STRING,
  useragent STRING,
  errorcode STRING,
  errormessage STRING,
  requestparameters STRING,
  responseelements STRING,
  additionaleventdata STRING,
  requestid STRING,
  eventid STRING,
  readonly STRING,
  resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>,
  eventtype STRING,
  apiversion STRING,
  recipientaccountid STRING,
  serviceeventdetails STRING,
  sharedeventid STRING,
  vpcendpointid STRING,
  vpcendpointaccountid STRING,
  eventcategory STRING,
  addendum STRUCT<reason: STRING, updatedfields: STRING, originalrequestid: STRING, originaleventid: STRING>,
  sessioncredentialfromconsole STRING,
  edgedevicedetails STRING,
  tlsdetails STRUCT<tlsversion: STRING, ciphersuite: STRING, clientprovidedhostheader: STRING>
)
PARTITIONED BY (`account` STRING, `region` STRING, `timestamp` STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://org-trail/central/logs/AWSLogs/o-a1b2c3d4e5/'
TBLPROPERTIES (
  'projection.enabled'='true',
  'projection.account.type'='enum',
  'projection.account.values'='111122223333,444455556666,777788889999',
  'projection.region.type'='enum',
  'projection.region.values'='us-east-1,us-west-2,eu-west-1',
  'projection.timestamp.type'='date',
  'projection.timestamp.format'='yyyy/MM/dd',
  'projection.timestamp.interval'='1',
  'projection.timestamp.interval.unit'='DAYS',
  'projection.timestamp.range'='2024/11/30,NOW',
  'storage.location.template'='s3://org-trail/central/logs/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}'
);

DROP TABLE IF EXISTS `clicktrail`.`clicktrail_cloudtrail_records`;

CREATE EXTERNAL TABLE `clicktrail`.`clicktrail_cloudtrail_records` (
  record STRING
)
PARTITIONED BY (`account` STRING, `region` STRING, `timestamp` STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://org-trail/central/logs/AWSLogs/o-a1b2c3d4e5/'
TBLPROPERTIES (
  'projection.enabled'='true',
  'projection.account.type'='enum',
  'projection.account.values'='111122223333,444455556666,777788889999',
  'projection.region.type'='enum',
  'projection.region.values'='us-east-1,us-west-2,eu-west-1',
  'projection.timestamp.type'='date',
  'projection.timestamp.format'='yyyy/MM/dd',
  'projection.timestamp.interval'='1',
  'projection.timestamp.interval.unit'='DAYS',
  'projection.timestamp.range'='2024/11/30,NOW',
  'storage.location.template'='s3://org-trail/central/logs/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}'
);

UNLOAD (
SELECT record
FROM "clicktrail"."clicktrail_cloudtrail_records"
WHERE account IN ('111122223333', '444455556666', '777788889999')
  AND region IN ('us-east-1', 'us-west-2', 'eu-west-1')
  AND "timestamp" IN ('2024/11/30', '2024/12/01', '2024/12/02', '2024/12/03', '2024/12/04', '2024/12/05', '2024/12/06', '2024/12/07', '2024/12/08', '2024/12/09')
  AND json_extract_scalar(record, '$.eventTime') >= '2024-12-01T00:00:00Z'
  AND json_extract_scalar(record, '$.eventTime') < '2024-12-08T12:30:00Z'
  AND (json_extract_scalar(record, '$.eventSource') = 'iot1click.amazonaws.com'
    OR (json_extract_scalar(record, '$.eventSource') = 'sts.amazonaws.com' AND json_extract_scalar(record, '$.eventName') IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken'))
    OR (json_extract_scalar(record, '$.eventSource') = 'signin.amazonaws.com' AND json_extract_scalar(record, '$.eventName') IN ('ConsoleLogin', 'SwitchRole'))
    OR (json_extract_scalar(record, '$.eventSource') = 'sso.amazonaws.com' AND json_extract_scalar(record, '$.eventName') IN ('GetRoleCredentials'))
    OR (json_extract_scalar(record, '$.eventSource') = 'iam.amazonaws.com' AND json_extract_scalar(record, '$.eventName') IN ('CreateAccessKey', 'UpdateAccessKey'))
    OR json_extract_scalar(record, '$.responseElements.credentials.accessKeyId') IS NOT NULL)
)
TO 's3://athena-results/case-42/records/'
WITH (format = 'TEXTFILE', compression = 'GZIP');
