"""The open-data API's reference page (/open-data/): every address of the API, its query
parameters and the fields of its answers, read from the generated OpenAPI document (so it
cannot drift from the code), as a page that reads without JavaScript."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hub.core.domains import every
from hub.core.presenters import partnership_for
from hub.opendata.api import PATH, openapi_document
from hub.opendata.resources import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

_REF = "#/components/schemas/"


def _resolve(schema, components):
    while "$ref" in schema:
        schema = components[schema["$ref"].removeprefix(_REF)]
    return schema


def _type(schema, components):
    """A schema's type in words: "integer", "string (date)", "list of DocumentOut", ..."""
    if "anyOf" in schema:
        kinds = [_type(each, components) for each in schema["anyOf"] if each.get("type") != "null"]
        optional = any(each.get("type") == "null" for each in schema["anyOf"])
        return " or ".join(kinds) + (" or null" if optional else "")
    if "$ref" in schema:
        target = _resolve(schema, components)
        if "enum" in target:
            return "one of: " + ", ".join(str(value) for value in target["enum"])
        return "object"
    if "enum" in schema:
        return "one of: " + ", ".join(str(value) for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}), components)}"
    if "format" in schema:
        return f"{kind} ({schema['format']})"
    return kind


def _limits(schema):
    words = []
    if "minimum" in schema:
        words.append(f"from {schema['minimum']}")
    if "maximum" in schema:
        words.append(f"up to {schema['maximum']}")
    if "default" in schema:
        words.append(f"default {schema['default']}")
    return ", ".join(words)


def _fields(schema, components, prefix=""):
    """The answer's fields, nested objects and lists of objects flattened with dotted
    names (results[].title), each as {"name", "type", "description"}."""
    rows = []
    schema = _resolve(schema, components)
    for name, field in schema.get("properties", {}).items():
        described = field.get("description", "")
        rows.append(
            {"name": prefix + name, "type": _type(field, components), "description": described}
        )
        target = field.get("items", field) if field.get("type") == "array" else field
        options = [each for each in target.get("anyOf", [target]) if "$ref" in each]
        for option in options:
            nested = _resolve(option, components)
            if "properties" in nested:
                inner = f"{prefix}{name}[]." if field.get("type") == "array" else f"{prefix}{name}."
                rows.extend(_fields(nested, components, inner))
    return rows


def _operations(document):
    components = document.get("components", {}).get("schemas", {})
    found = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            ok = operation["responses"].get("200") or operation["responses"].get(200)
            schema = ok["content"]["application/json"]["schema"]
            parameters = [
                {
                    "name": parameter["name"],
                    "where": "in the address" if parameter["in"] == "path" else "query",
                    "required": parameter.get("required", False),
                    "type": _type(parameter.get("schema", {}), components),
                    "limits": _limits(parameter.get("schema", {})),
                    "description": parameter.get("description", ""),
                }
                for parameter in operation.get("parameters", ())
            ]
            found.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": parameters,
                    "fields": _fields(schema, components),
                    # A list can be opened as it is; an item needs an id from a list.
                    "example": path if "{" not in path else "",
                }
            )
    return found


@require_safe
def reference(request):
    document = openapi_document()
    operations = _operations(document)
    resources = [
        {
            "resource": resource,
            "operations": [each for each in operations if each["tag"] == resource.title],
        }
        for resource in every("api")
    ]
    return render(
        request,
        "opendata/reference.html",
        {
            "partnership": partnership_for(request),
            "resources": resources,
            "api_path": PATH,
            "openapi_url": f"{PATH}openapi.json",
            "rate": settings.OPEN_DATA_RATE,
            "default_page_size": DEFAULT_PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
            "base_url": request.build_absolute_uri("/").rstrip("/"),
        },
    )
