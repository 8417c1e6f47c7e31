import * as cdk from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class TapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const suffix = this.node.tryGetContext('environmentSuffix') ?? 'dev';
    const bucket = new s3.Bucket(this, 'Data', {
      bucketName: `tap-data-${suffix}`,
      encryption: s3.BucketEncryption.S3_MANAGED,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    const logGroup = new logs.LogGroup(this, 'FnLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const fn = new lambda.Function(this, 'Writer', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ ok: true });'),
      logGroup,
    });
    bucket.grantWrite(fn);
  }
}
