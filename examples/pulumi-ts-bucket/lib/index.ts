import * as aws from '@pulumi/aws';

const key = new aws.kms.Key('data-key', { enableKeyRotation: true, deletionWindowInDays: 7 });
const bucket = new aws.s3.Bucket('data', { forceDestroy: true });
new aws.s3.BucketServerSideEncryptionConfiguration('data-sse', {
  bucket: bucket.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn } }],
});
new aws.s3.BucketPublicAccessBlock('data-pab', {
  bucket: bucket.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
export const bucketName = bucket.bucket;
