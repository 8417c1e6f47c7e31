from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subs
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_lambda_event_sources import SqsEventSource
from constructs import Construct


class TapStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        dlq = sqs.Queue(self, "Dlq", encryption=sqs.QueueEncryption.SQS_MANAGED)
        queue = sqs.Queue(
            self,
            "Work",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            visibility_timeout=Duration.seconds(60),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=dlq),
        )
        topic = sns.Topic(self, "Events")
        topic.add_subscription(subs.SqsSubscription(queue))
        fn = _lambda.Function(
            self,
            "Consumer",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_inline("def handler(event, context):\n    return None\n"),
        )
        fn.add_event_source(SqsEventSource(queue))
