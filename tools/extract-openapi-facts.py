#!/usr/bin/env python3
"""Extracts machine-readable schema facts (names, types, patterns, enums, lengths, required, byte limits) from
GMO-PG's OAS file, without descriptions or examples. Usage:
  extract-openapi-facts.py <oas.json> request|response > facts.json
Byte limits are the ones the schema text states ("UTF-8で45byte", "EUC-JPで100byte")."""
import json, re, sys

oas = json.load(open(sys.argv[1]))
schemas = oas["components"]["schemas"]
ROOTS = {
    "request": ["CreditChargeRequest", "OrderCaptureRequest", "OrderUpdateRequest", "OrderCancelRequest",
                "OrderInquiryRequest", "TokenRequest", "CreditOnfileChargeRequest", "CreditVerifyCardRequest",
                "CreditStoreCardRequest", "CreditGetCardDetailsRequest", "MemberCreateRequest", "MemberInquiryRequest",
                "MemberDeleteRequest", "MemberDeleteItemRequestCard", "MemberDeleteItemRequestWallet"],
    "response": ["CreditChargeResponse", "OrderCaptureResponseCredit", "OrderUpdateResponseCredit",
                 "OrderCancelResponseCredit", "OrderInquiryResponseCredit", "TokenResponse", "Problem",
                 "CreditVerifyCardResponse", "CreditStoreCardReponse", "CreditGetCardDetailsResponse",
                 "MemberCreateResponse", "MemberInquiryResponse", "MemberDeleteResponse", "MemberDeleteItemResponseCard"],
}[sys.argv[2]]
KEEP = ["type", "required", "pattern", "maxLength", "minLength", "enum", "format", "maximum", "minimum", "default",
        "maxItems", "maxProperties"]


def facts(node):
    if "$ref" in node:
        return {"$ref": node["$ref"].split("/")[-1]}
    if "allOf" in node:
        merged = {"type": "object", "properties": {}, "required": []}
        for part in node["allOf"]:
            part = schemas[part["$ref"].split("/")[-1]] if "$ref" in part else part
            sub = facts(part)
            merged["properties"].update(sub.get("properties", {}))
            merged["required"] += sub.get("required", [])
        return merged
    out = {k: node[k] for k in KEEP if k in node}
    desc = node.get("description", "")
    m = re.search(r"UTF-8で(\d+)\s*byte", desc)
    if m:
        out["maxBytesUtf8"] = int(m.group(1))
    m = re.search(r"EUC-JPで(\d+)\s*byte", desc)
    if m:
        out["maxBytesEucJp"] = int(m.group(1))
    if "oneOf" in node:
        out["oneOf"] = [facts(x) for x in node["oneOf"]]
    if "properties" in node:
        out["properties"] = {k: facts(v) for k, v in node["properties"].items()}
    if "items" in node:
        out["items"] = facts(node["items"])
    if isinstance(node.get("additionalProperties"), dict):
        out["additionalProperties"] = facts(node["additionalProperties"])
    return out


result, todo = {}, list(ROOTS)
while todo:
    name = todo.pop(0)
    if name in result:
        continue
    result[name] = facts(schemas[name])
    todo += re.findall(r'"\$ref": "([^"]+)"', json.dumps(result[name]))
# clientField2/3 refer to clientField1's description for their limits
if "ClientFields" in result:
    props = result["ClientFields"]["properties"]
    for name in ("clientField2", "clientField3"):
        props[name]["maxBytesEucJp"] = props["clientField1"].get("maxBytesEucJp")
print(json.dumps(dict(sorted(result.items())), ensure_ascii=False, indent=1))
