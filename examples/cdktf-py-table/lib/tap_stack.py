from cdktf import TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.dynamodb_table import DynamodbTable
from constructs import Construct


class TapStack(TerraformStack):
    def __init__(self, scope: Construct, ns: str):
        super().__init__(scope, ns)
        AwsProvider(self, "aws", region="us-east-1")
        DynamodbTable(
            self,
            "orders",
            name="orders",
            billing_mode="PAY_PER_REQUEST",
            hash_key="id",
            attribute=[{"name": "id", "type": "S"}],
            point_in_time_recovery={"enabled": True},
        )
