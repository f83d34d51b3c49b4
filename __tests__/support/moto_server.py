"""Starts moto's server with one correction to its API Gateway emulation, so a clean plan after apply can be tested.

moto 5.2.1 drops `binaryMediaTypes` from CreateRestApi, and for an `add` patch operation on `/binaryMediaTypes/<type>`
it appends the operation's (absent) value instead of the type AWS encodes in the path (`~1` for `/`). So every
`terraform plan` after an apply would show the REST API's binary media types as changed, which real AWS does not.
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


responses.APIGatewayResponse.create_rest_api = _create_rest_api_with_media_types
models.RestAPI.apply_patch_operations = _apply_patch_operations_with_media_types

if __name__ == "__main__":
    server.main()
