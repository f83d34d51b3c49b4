"""Starts moto's server with two corrections to its API Gateway emulation, so a clean plan after apply can be tested.

1. moto 5.2.1 drops `binaryMediaTypes` from CreateRestApi, and for an `add` patch operation on `/binaryMediaTypes/<type>`
   it appends the operation's (absent) value instead of the type AWS encodes in the path (`~1` for `/`). So every
   `terraform plan` after an apply would show the REST API's binary media types as changed, which real AWS does not.
2. moto 5.2.1 reads a stage's method-setting patch path as `/<segment>/<segment>/<setting>`, so a method whose resource
   path has more than one segment (`/v1/metrics/POST/throttling/rateLimit`, the metrics route's throttle) is filed
   under the wrong key (`v1/metrics`) and the setting dropped; the provider then finds no `v1/metrics/POST` and plans
   the method settings again after every apply. AWS keys a method setting by `<resource path>/<method>`, the form the
   provider writes (docs/aws-facts.md, "IP address types", moto note); the correction takes the last two segments as the
   setting and the rest as the key.
Nothing else is changed. Usage: python3 moto_server.py -H 127.0.0.1 -p PORT
"""
import json

from moto import server
from moto.apigateway import models, responses

_create_rest_api = responses.APIGatewayResponse.create_rest_api


def _create_rest_api_with_media_types(self):
    status, headers, body = _create_rest_api(self)
    media_types = self._get_param("binaryMediaTypes")
    if status == 200 and media_types:
        rest_api = self.backend.get_rest_api(json.loads(body)["id"])
        rest_api.binaryMediaTypes = list(media_types)
        body = json.dumps(rest_api.to_dict())
    return status, headers, body


_apply_patch_operations = models.RestAPI.apply_patch_operations


def _apply_patch_operations_with_media_types(self, patch_operations):
    prefix = "/binaryMediaTypes/"
    media_ops = [op for op in patch_operations if op.get("path", "").startswith(prefix)]
    for op in media_ops:
        media_type = op["path"][len(prefix):].replace("~1", "/").replace("~0", "~")
        if op["op"] == "add" and media_type not in self.binaryMediaTypes:
            self.binaryMediaTypes.append(media_type)
        elif op["op"] == "remove" and media_type in self.binaryMediaTypes:
            self.binaryMediaTypes.remove(media_type)
    _apply_patch_operations(self, [op for op in patch_operations if op not in media_ops])


_stage_apply_operations = models.Stage.apply_operations


def _stage_apply_operations_with_nested_paths(self, patch_operations):
    def nested(op):
        path = op.get("path", "")
        return op.get("op") == "replace" and path.count("/") > 4 and not path.startswith(("/accessLogSettings/", "/variables/"))

    for op in [op for op in patch_operations if nested(op)]:
        segments = op["path"].split("/")[1:]
        self._patch_method_setting("/".join(segments[:-2]), "/".join(segments[-2:]), op["value"])
    return _stage_apply_operations(self, [op for op in patch_operations if not nested(op)])


responses.APIGatewayResponse.create_rest_api = _create_rest_api_with_media_types
models.Stage.apply_operations = _stage_apply_operations_with_nested_paths
models.RestAPI.apply_patch_operations = _apply_patch_operations_with_media_types

if __name__ == "__main__":
    server.main()
