import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TapStack } from '../lib/tap-stack';

test('the log group keeps its logs for a month', () => {
  const app = new cdk.App();
  const template = Template.fromStack(new TapStack(app, 'TestTapStack'));
  template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  template.resourceCountIs('AWS::S3::Bucket', 1);
});
