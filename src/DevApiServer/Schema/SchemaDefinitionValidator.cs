using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Schema;

/// <summary>
/// The openAPIV3Schema checks kube-apiserver runs when a CRD is created or updated: readable keywords, the generic
/// OpenAPI restrictions (ValidateCustomResourceDefinitionOpenAPISchema), structurality (ValidateStructural) and
/// defaults that prune to themselves and validate (ValidateDefaults).
/// </summary>
internal static class SchemaDefinitionValidator
{
    private static readonly string[] OpenApiTypes = ["array", "boolean", "integer", "number", "object", "string"];

    private static readonly HashSet<string> StringKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "pattern", "description", "title", "id", "$ref", "$schema", "x-kubernetes-list-type", "x-kubernetes-map-type",
    };

    private static readonly HashSet<string> BoolKeywords = new(StringComparer.Ordinal)
    {
        "nullable", "uniqueItems", "exclusiveMaximum", "exclusiveMinimum", "x-kubernetes-preserve-unknown-fields",
        "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string",
    };

    private static readonly HashSet<string> IntegerKeywords = new(StringComparer.Ordinal)
    {
        "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties",
    };

    private static readonly HashSet<string> NumberKeywords = new(StringComparer.Ordinal) { "maximum", "minimum", "multipleOf" };

    private enum Level
    {
        Root,
        Item,
        Field,
    }

    public static IReadOnlyList<SchemaFieldError> Validate(JsonNode? schema, string fieldPath)
    {
        var errors = new List<SchemaFieldError>();
        if (schema is null)
        {
            errors.Add(SchemaFieldError.Required(fieldPath, string.Empty));
            return errors;
        }

        if (schema is not JsonObject root)
        {
            errors.Add(SchemaFieldError.Invalid(fieldPath, GoFormat.BadValue(schema), "must be an object"));
            return errors;
        }

        // A schema whose keywords have the wrong JSON types would not even decode in kube-apiserver; stop there.
        CheckShape(root, fieldPath, 0, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        CheckOpenApi(root, fieldPath, isRoot: true, new DefaultsRule(true, null, false), errors);

        var structural = new List<SchemaFieldError>();
        CheckStructural(root, fieldPath, Level.Root, structural);
        CheckCompleteness(root, root, fieldPath, fieldPath, structural);
        structural.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        errors.AddRange(structural);
        if (structural.Count > 0)
        {
            return errors;
        }

        StructuralSchema parsed;
        try
        {
            parsed = SchemaParser.Parse(root);
        }
        catch (SchemaFormatException ex)
        {
            errors.Add(SchemaFieldError.Invalid(fieldPath, GoText.Quote(string.Empty), ex.Message));
            return errors;
        }

        CheckDefaultsAndEnums(parsed, fieldPath, insideMeta: false, isRoot: true, 0, errors);
        return errors;
    }

    // Keyword value types as JSONSchemaProps declares them.
    private static void CheckShape(JsonObject node, string path, int depth, List<SchemaFieldError> errors)
    {
        if (depth > SchemaParser.MaxSchemaDepth)
        {
            errors.Add(SchemaFieldError.Invalid(path, GoText.Quote(string.Empty), $"must not be nested deeper than {SchemaParser.MaxSchemaDepth} levels"));
            return;
        }

        foreach (var (key, value) in node)
        {
            if (value is null)
            {
                continue;
            }

            var at = FieldPath.Child(path, key);
            var datum = JsonData.Read(value);
            if (StringKeywords.Contains(key))
            {
                Expect(datum.Kind == JsonDataKind.String, at, value, "must be a string", errors);
            }
            else if (BoolKeywords.Contains(key))
            {
                Expect(datum.Kind == JsonDataKind.Boolean, at, value, "must be a boolean", errors);
            }
            else if (IntegerKeywords.Contains(key))
            {
                Expect(datum.Kind == JsonDataKind.Integer, at, value, "must be an integer", errors);
            }
            else if (NumberKeywords.Contains(key))
            {
                Expect(datum.IsNumeric, at, value, "must be a number", errors);
            }
            else if (key is "required" or "x-kubernetes-list-map-keys")
            {
                Expect(value is JsonArray list && list.All(item => JsonData.Read(item).Kind == JsonDataKind.String), at, value, "must be a list of strings", errors);
            }
            else if (key is "enum" or "x-kubernetes-validations")
            {
                Expect(value is JsonArray, at, value, "must be a list", errors);
            }
            else if (key is "properties" or "definitions" or "patternProperties" or "dependencies")
            {
                if (value is not JsonObject map)
                {
                    errors.Add(SchemaFieldError.Invalid(at, GoFormat.BadValue(value), "must be an object"));
                    continue;
                }

                foreach (var (name, child) in map)
                {
                    var childPath = FieldPath.Key(at, name);
                    if (child is JsonObject childObject)
                    {
                        CheckShape(childObject, childPath, depth + 1, errors);
                    }
                    else if (!(key == "dependencies" && child is JsonArray))
                    {
                        errors.Add(SchemaFieldError.Invalid(childPath, GoFormat.BadValue(child), "must be a schema object"));
                    }
                }
            }
            else if (key is "allOf" or "anyOf" or "oneOf" || (key == "items" && value is JsonArray))
            {
                if (value is not JsonArray list)
                {
                    errors.Add(SchemaFieldError.Invalid(at, GoFormat.BadValue(value), "must be a list of schema objects"));
                    continue;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject item)
                    {
                        CheckShape(item, FieldPath.Index(at, i), depth + 1, errors);
                    }
                    else
                    {
                        errors.Add(SchemaFieldError.Invalid(FieldPath.Index(at, i), GoFormat.BadValue(list[i]), "must be a schema object"));
                    }
                }
            }
            else if (key is "not" or "items")
            {
                if (value is JsonObject child)
                {
                    CheckShape(child, at, depth + 1, errors);
                }
                else
                {
                    errors.Add(SchemaFieldError.Invalid(at, GoFormat.BadValue(value), "must be a schema object"));
                }
            }
            else if (key is "additionalProperties" or "additionalItems")
            {
                if (value is JsonObject child)
                {
                    CheckShape(child, at, depth + 1, errors);
                }
                else
                {
                    Expect(datum.Kind == JsonDataKind.Boolean, at, value, "must be a boolean or a schema object", errors);
                }
            }
        }
    }

    private static void Expect(bool condition, string path, JsonNode value, string detail, List<SchemaFieldError> errors)
    {
        if (!condition)
        {
            errors.Add(SchemaFieldError.Invalid(path, GoFormat.BadValue(value), detail));
        }
    }

    // Whether defaults are allowed below a node, and whether it lies in resource metadata (specStandardValidatorV3).
    private sealed record DefaultsRule(bool AllowDefaults, string? Reason, bool InsideResourceMeta)
    {
        public DefaultsRule Forbid(string reason) => this with { AllowDefaults = false, Reason = reason };

        public DefaultsRule InMeta() => this with { InsideResourceMeta = true };
    }

    private static void CheckOpenApi(JsonObject node, string path, bool isRoot, DefaultsRule rule, List<SchemaFieldError> errors)
    {
        var type = Str(node, "type") ?? string.Empty;
        var embedded = Bool(node, "x-kubernetes-embedded-resource") == true;

        if (type.Length > 0 && !OpenApiTypes.Contains(type, StringComparer.Ordinal))
        {
            errors.Add(SchemaFieldError.NotSupported(FieldPath.Child(path, "type"), GoText.Quote(type), OpenApiTypes));
        }

        if (HasValue(node, "default") && !rule.AllowDefaults)
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "default"), rule.Reason is null ? "must not be set" : "must not be set " + rule.Reason));
        }

        if (!string.IsNullOrEmpty(Str(node, "id")))
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "id"), "id is not supported"));
        }

        if (HasValue(node, "additionalItems"))
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "additionalItems"), "additionalItems is not supported"));
        }

        if (Obj(node, "patternProperties") is { Count: > 0 })
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "patternProperties"), "patternProperties is not supported"));
        }

        if (Obj(node, "definitions") is { Count: > 0 })
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "definitions"), "definitions is not supported"));
        }

        if (HasValue(node, "dependencies"))
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "dependencies"), "dependencies is not supported"));
        }

        if (HasValue(node, "$ref"))
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "$ref"), "$ref is not supported"));
        }

        if (type == "null")
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "type"), "type cannot be set to null, use nullable as an alternative"));
        }

        if (node["items"] is JsonArray)
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "items"), "items must be a schema object and not an array"));
        }

        if (rule.InsideResourceMeta && embedded)
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "x-kubernetes-embedded-resource"), "must not be used inside of resource meta"));
        }

        if (Bool(node, "uniqueItems") == true)
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        var properties = Obj(node, "properties");
        if (HasValue(node, "additionalProperties"))
        {
            var additional = node["additionalProperties"];
            if (properties is { Count: > 0 } && (additional is JsonObject || JsonData.Read(additional) is { Kind: JsonDataKind.Boolean, Boolean: false }))
            {
                errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "additionalProperties and properties are mutual exclusive"));
            }

            if (additional is JsonObject additionalSchema)
            {
                var sub = rule.InsideResourceMeta ? rule.Forbid("inside additionalProperties applying to object metadata") : rule;
                CheckOpenApi(additionalSchema, FieldPath.Child(path, "additionalProperties"), false, sub, errors);
            }
        }

        if (properties is not null)
        {
            foreach (var (name, child) in properties)
            {
                if (child is not JsonObject childSchema)
                {
                    continue;
                }

                var sub = rule;
                if ((isRoot || embedded) && FieldPath.IsMetaField(name))
                {
                    sub = sub.InMeta();
                    if (isRoot)
                    {
                        sub = sub.Forbid($"in top-level {name}");
                    }
                }

                CheckOpenApi(childSchema, FieldPath.Key(FieldPath.Child(path, "properties"), name), false, sub, errors);
            }
        }

        if (node["not"] is JsonObject not)
        {
            CheckOpenApi(not, FieldPath.Child(path, "not"), false, rule, errors);
        }

        foreach (var junctor in (string[])["allOf", "oneOf", "anyOf"])
        {
            if (node[junctor] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    if (branches[i] is JsonObject branch)
                    {
                        CheckOpenApi(branch, FieldPath.Index(FieldPath.Child(path, junctor), i), false, rule, errors);
                    }
                }
            }
        }

        switch (node["items"])
        {
            case JsonObject items:
                CheckOpenApi(items, FieldPath.Child(path, "items"), false, rule, errors);
                break;
            case JsonArray itemList:
                for (var i = 0; i < itemList.Count; i++)
                {
                    if (itemList[i] is JsonObject item)
                    {
                        CheckOpenApi(item, FieldPath.Index(FieldPath.Child(path, "items"), i), false, rule, errors);
                    }
                }

                break;
        }

        if (Bool(node, "x-kubernetes-preserve-unknown-fields") == false)
        {
            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "x-kubernetes-preserve-unknown-fields"), "false", "must be true or undefined"));
        }

        CheckMapAndListTypes(node, path, type, errors);
    }

    private static void CheckMapAndListTypes(JsonObject node, string path, string type, List<SchemaFieldError> errors)
    {
        var mapType = Str(node, "x-kubernetes-map-type");
        if (mapType is not null && type != "object")
        {
            AddTypeRequirement(path, type, "must be object if x-kubernetes-map-type is specified", errors);
        }

        if (mapType is not null and not ("atomic" or "granular"))
        {
            errors.Add(SchemaFieldError.NotSupported(FieldPath.Child(path, "x-kubernetes-map-type"), GoText.Quote(mapType), ["atomic", "granular"]));
        }

        var listType = Str(node, "x-kubernetes-list-type");
        var items = node["items"] as JsonObject;
        if (listType is not null && type != "array")
        {
            AddTypeRequirement(path, type, "must be array if x-kubernetes-list-type is specified", errors);
        }
        else if (listType == "set" && items is not null)
        {
            var itemsType = Str(items, "type");
            var itemsListType = Str(items, "x-kubernetes-list-type");
            var itemsMapType = Str(items, "x-kubernetes-map-type");
            var rendered = itemsListType is null ? GoText.Quote("null") : GoText.Quote(itemsListType);
            if (itemsType == "array" && itemsListType is not null && itemsListType != "atomic")
            {
                errors.Add(SchemaFieldError.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), "x-kubernetes-list-type"), rendered, "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
            else if (itemsType == "object" && itemsMapType != "atomic")
            {
                // kube-apiserver prints the items' list type here, not the map type.
                errors.Add(SchemaFieldError.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), "x-kubernetes-map-type"), rendered, "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
        }

        if (listType is not null and not ("atomic" or "set" or "map"))
        {
            errors.Add(SchemaFieldError.NotSupported(FieldPath.Child(path, "x-kubernetes-list-type"), GoText.Quote(listType), ["atomic", "set", "map"]));
        }

        var mapKeys = StrList(node, "x-kubernetes-list-map-keys");
        if (mapKeys.Count > 0)
        {
            if (listType is null)
            {
                errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
            else if (listType != "map")
            {
                errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "x-kubernetes-list-type"), GoText.Quote(listType), "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
        }

        var itemsPath = FieldPath.Child(path, "items");
        if (listType == "map")
        {
            if (mapKeys.Count == 0)
            {
                errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map"));
            }

            if (!HasValue(node, "items"))
            {
                errors.Add(SchemaFieldError.Required(itemsPath, "must have a schema if x-kubernetes-list-type is map"));
            }
            else if (items is null)
            {
                errors.Add(SchemaFieldError.Invalid(itemsPath, GoFormat.BadValue(node["items"]), "must only have a single schema if x-kubernetes-list-type is map"));
            }

            var itemsType = items is null ? null : Str(items, "type") ?? string.Empty;
            if (items is not null && itemsType != "object")
            {
                errors.Add(SchemaFieldError.Invalid(FieldPath.Child(itemsPath, "type"), GoText.Quote(itemsType!), "must be object if parent array's x-kubernetes-list-type is map"));
            }
            else if (items is not null)
            {
                var itemProperties = Obj(items, "properties");
                var renderedKeys = "[]string{" + string.Join(", ", mapKeys.Select(GoText.Quote)) + "}";
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var key in mapKeys)
                {
                    if (itemProperties?[key] is JsonObject keySchema)
                    {
                        if (Str(keySchema, "type") is "array" or "object")
                        {
                            // kube-apiserver prints the items' type ("object") as the bad value here.
                            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(FieldPath.Key(FieldPath.Child(itemsPath, "properties"), key), "type"), GoText.Quote("object"), "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                        }
                    }
                    else
                    {
                        errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "x-kubernetes-list-map-keys"), renderedKeys, "entries must all be names of item properties"));
                    }

                    if (!seen.Add(key))
                    {
                        errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "x-kubernetes-list-map-keys"), renderedKeys, "must not contain duplicate entries"));
                    }
                }
            }
        }

        // validateMapListKeysMapSet: set and map items cannot be null, map keys must always be present.
        if (items is not null && listType is "set" or "map")
        {
            if (Bool(items, "nullable") == true)
            {
                errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(itemsPath, "nullable"), "cannot be nullable when x-kubernetes-list-type is " + listType));
            }

            if (listType == "map")
            {
                var required = StrList(items, "required");
                foreach (var key in mapKeys)
                {
                    if (Obj(items, "properties")?[key] is not JsonObject keySchema)
                    {
                        continue;
                    }

                    var keyPath = FieldPath.Key(FieldPath.Child(itemsPath, "properties"), key);
                    if (!required.Contains(key) && !HasValue(keySchema, "default"))
                    {
                        errors.Add(SchemaFieldError.Required(FieldPath.Child(keyPath, "default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
                    }

                    if (Bool(keySchema, "nullable") == true)
                    {
                        errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(keyPath, "nullable"), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
                    }
                }
            }
        }
    }

    private static void AddTypeRequirement(string path, string type, string detail, List<SchemaFieldError> errors) =>
        errors.Add(type.Length == 0
            ? SchemaFieldError.Required(FieldPath.Child(path, "type"), detail)
            : SchemaFieldError.Invalid(FieldPath.Child(path, "type"), GoText.Quote(type), detail));

    // validateStructuralInvariants.
    private static void CheckStructural(JsonObject node, string path, Level level, List<SchemaFieldError> errors)
    {
        var type = Str(node, "type") ?? string.Empty;
        var intOrString = Bool(node, "x-kubernetes-int-or-string") == true;
        var preserve = Bool(node, "x-kubernetes-preserve-unknown-fields") == true;
        var embedded = Bool(node, "x-kubernetes-embedded-resource") == true;
        var hasAdditional = HasValue(node, "additionalProperties");
        var properties = Obj(node, "properties");

        if (type == "array" && !HasValue(node, "items"))
        {
            errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "items"), "must be specified"));
        }

        if (node["items"] is JsonObject items)
        {
            CheckStructural(items, FieldPath.Child(path, "items"), Level.Item, errors);
        }

        if (properties is not null)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema)
                {
                    CheckStructural(childSchema, FieldPath.Key(FieldPath.Child(path, "properties"), name), Level.Field, errors);
                }
            }
        }

        if (hasAdditional)
        {
            if (level == Level.Root)
            {
                errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used at the root"));
            }

            if (node["additionalProperties"] is JsonObject additional)
            {
                CheckStructural(additional, FieldPath.Child(path, "additionalProperties"), Level.Field, errors);
            }
        }

        if (intOrString && preserve)
        {
            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "x-kubernetes-preserve-unknown-fields"), "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "x-kubernetes-embedded-resource"), "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        CheckValueValidation(node, IsIntOrStringAnyOf(node), IsIntOrStringAllOf(node), level, path, errors);

        var checkMetadata = level == Level.Root || embedded;
        if (embedded && type != "object")
        {
            AddTypeRequirement(path, type, "must be object if x-kubernetes-embedded-resource is true", errors);
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            var detail = level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            };
            errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "type"), detail));
        }

        if (embedded && hasAdditional)
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "type"), GoText.Quote(type), "must be object at the root"));
        }

        foreach (var meta in (string[])["kind", "apiVersion"])
        {
            if (checkMetadata && properties?[meta] is JsonObject metaSchema && Str(metaSchema, "type") != "string")
            {
                var metaType = Str(metaSchema, "type") ?? string.Empty;
                errors.Add(SchemaFieldError.Invalid(FieldPath.Child(FieldPath.Key(FieldPath.Child(path, "properties"), meta), "type"), GoText.Quote(metaType), "must be string"));
            }
        }

        if (properties?["metadata"] is JsonObject metadata)
        {
            CheckMetadata(metadata, checkMetadata, level, FieldPath.Key(FieldPath.Child(path, "properties"), "metadata"), errors);
        }

        if (embedded && !preserve && properties is not { Count: > 0 })
        {
            errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    private static void CheckMetadata(JsonObject metadata, bool checkMetadata, Level level, string path, List<SchemaFieldError> errors)
    {
        var type = Str(metadata, "type") ?? string.Empty;
        if (checkMetadata && type != "object")
        {
            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "type"), GoText.Quote(type), "must be object"));
        }

        if (level != Level.Root)
        {
            return;
        }

        // Only type, a default and constraints on name/generateName may be given for the root metadata.
        var restricted = false;
        foreach (var (key, value) in metadata)
        {
            if (value is null || key is "type" or "default")
            {
                continue;
            }

            if (key == "properties" && value is JsonObject props && props.All(p => p.Key is "name" or "generateName"))
            {
                continue;
            }

            if (key == "properties" && value is JsonObject { Count: 0 })
            {
                continue;
            }

            restricted = true;
        }

        if (restricted)
        {
            errors.Add(SchemaFieldError.Forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    private static void CheckValueValidation(JsonObject node, bool skipAnyOf, bool skipFirstAllOfAnyOf, Level level, string path, List<SchemaFieldError> errors)
    {
        if (!skipAnyOf && node["anyOf"] is JsonArray anyOf)
        {
            for (var i = 0; i < anyOf.Count; i++)
            {
                CheckNested(anyOf[i] as JsonObject, false, false, level, FieldPath.Index(FieldPath.Child(path, "anyOf"), i), errors);
            }
        }

        if (node["allOf"] is JsonArray allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                CheckNested(allOf[i] as JsonObject, skipFirstAllOfAnyOf && i == 0, false, level, FieldPath.Index(FieldPath.Child(path, "allOf"), i), errors);
            }
        }

        if (node["oneOf"] is JsonArray oneOf)
        {
            for (var i = 0; i < oneOf.Count; i++)
            {
                CheckNested(oneOf[i] as JsonObject, false, false, level, FieldPath.Index(FieldPath.Child(path, "oneOf"), i), errors);
            }
        }

        CheckNested(node["not"] as JsonObject, false, false, level, FieldPath.Child(path, "not"), errors);

        if (Str(node, "pattern") is { Length: > 0 } pattern && GoRegex.TryCompile(pattern, out var error) is null)
        {
            errors.Add(SchemaFieldError.Invalid(FieldPath.Child(path, "pattern"), GoText.Quote(pattern), "must be a valid regular expression, but isn't: " + error));
        }
    }

    // Junctor branches may only hold value validations.
    private static void CheckNested(JsonObject? node, bool skipAnyOf, bool skipAllOfAnyOf, Level level, string path, List<SchemaFieldError> errors)
    {
        if (node is null)
        {
            return;
        }

        CheckValueValidation(node, skipAnyOf, skipAllOfAnyOf, level, path, errors);
        CheckNested(node["items"] as JsonObject, false, false, level, FieldPath.Child(path, "items"), errors);
        if (Obj(node, "properties") is { } properties)
        {
            foreach (var (name, child) in properties)
            {
                CheckNested(child as JsonObject, false, false, Level.Field, FieldPath.Key(FieldPath.Child(path, "properties"), name), errors);
            }
        }

        void Forbid(string keyword, string detail) => errors.Add(SchemaFieldError.Forbidden(FieldPath.Child(path, keyword), detail));

        if (!string.IsNullOrEmpty(Str(node, "type")))
        {
            Forbid("type", "must be empty to be structural");
        }

        if (HasValue(node, "additionalProperties"))
        {
            Forbid("additionalProperties", "must be undefined to be structural");
        }

        if (HasValue(node, "default"))
        {
            Forbid("default", "must be undefined to be structural");
        }

        if (!string.IsNullOrEmpty(Str(node, "title")))
        {
            Forbid("title", "must be empty to be structural");
        }

        if (!string.IsNullOrEmpty(Str(node, "description")))
        {
            Forbid("description", "must be empty to be structural");
        }

        if (Bool(node, "nullable") == true)
        {
            Forbid("nullable", "must be false to be structural");
        }

        foreach (var extension in (string[])["x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string"])
        {
            if (Bool(node, extension) == true)
            {
                Forbid(extension, "must be false to be structural");
            }
        }

        if (StrList(node, "x-kubernetes-list-map-keys").Count > 0)
        {
            Forbid("x-kubernetes-list-map-keys", "must be empty to be structural");
        }

        if (Str(node, "x-kubernetes-list-type") is not null)
        {
            Forbid("x-kubernetes-list-type", "must be undefined to be structural");
        }

        if (Str(node, "x-kubernetes-map-type") is not null)
        {
            Forbid("x-kubernetes-map-type", "must be undefined to be structural");
        }

        if (node["x-kubernetes-validations"] is JsonArray { Count: > 0 })
        {
            Forbid("x-kubernetes-validations", "must be empty to be structural");
        }

        if (Obj(node, "properties")?.ContainsKey("metadata") == true)
        {
            errors.Add(SchemaFieldError.Forbidden(FieldPath.Key(FieldPath.Child(path, "properties"), "metadata"), "must not be specified in a nested context"));
        }
    }

    // The two int-or-string shapes kube-apiserver lets through: anyOf [{type: integer}, {type: string}] (optionally first in an allOf).
    private static bool IsIntOrStringAnyOf(JsonObject node) =>
        node["anyOf"] is JsonArray { Count: 2 } anyOf && IsOnlyType(anyOf[0], "integer") && IsOnlyType(anyOf[1], "string");

    private static bool IsIntOrStringAllOf(JsonObject node) =>
        node["allOf"] is JsonArray { Count: > 0 } allOf && allOf[0] is JsonObject first && IsIntOrStringAnyOf(first);

    private static bool IsOnlyType(JsonNode? node, string type) =>
        node is JsonObject { Count: 1 } obj && Str(obj, "type") == type;

    // validateStructuralCompleteness: what the root's junctors talk about must exist in the structural schema.
    private static void CheckCompleteness(JsonObject valueNode, JsonObject? structural, string structuralPath, string valuePath, List<SchemaFieldError> errors)
    {
        if (structural is null)
        {
            errors.Add(SchemaFieldError.Required(structuralPath, "because it is defined in " + valuePath));
            return;
        }

        CheckNestedCompleteness(valueNode["not"] as JsonObject, structural, structuralPath, FieldPath.Child(valuePath, "not"), errors);
        foreach (var junctor in (string[])["allOf", "anyOf", "oneOf"])
        {
            if (valueNode[junctor] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    CheckNestedCompleteness(branches[i] as JsonObject, structural, structuralPath, FieldPath.Index(FieldPath.Child(valuePath, junctor), i), errors);
                }
            }
        }
    }

    private static void CheckNestedCompleteness(JsonObject? valueNode, JsonObject? structural, string structuralPath, string valuePath, List<SchemaFieldError> errors)
    {
        if (valueNode is null)
        {
            return;
        }

        if (structural is null)
        {
            errors.Add(SchemaFieldError.Required(structuralPath, "because it is defined in " + valuePath));
            return;
        }

        CheckCompleteness(valueNode, structural, structuralPath, valuePath, errors);
        if (valueNode["items"] is JsonObject items)
        {
            CheckNestedCompleteness(items, structural["items"] as JsonObject, FieldPath.Child(structuralPath, "items"), FieldPath.Child(valuePath, "items"), errors);
        }

        if (Obj(valueNode, "properties") is { } properties)
        {
            var structuralProperties = Obj(structural, "properties");
            foreach (var (name, child) in properties)
            {
                var structuralChildPath = FieldPath.Key(FieldPath.Child(structuralPath, "properties"), name);
                var valueChildPath = FieldPath.Key(FieldPath.Child(valuePath, "properties"), name);
                if (structuralProperties?[name] is JsonObject structuralChild)
                {
                    CheckNestedCompleteness(child as JsonObject, structuralChild, structuralChildPath, valueChildPath, errors);
                }
                else
                {
                    errors.Add(SchemaFieldError.Required(structuralChildPath, "because it is defined in " + valueChildPath));
                }
            }
        }
    }

    // ValidateDefaults (properties and items, not additionalProperties or junctors), plus enum members of the wrong type.
    private static void CheckDefaultsAndEnums(StructuralSchema node, string path, bool insideMeta, bool isRoot, int depth, List<SchemaFieldError> errors)
    {
        if (depth > SchemaParser.MaxSchemaDepth)
        {
            return;
        }

        if (node.RawDefault is { } rawDefault)
        {
            var defaultPath = FieldPath.Child(path, "default");
            if (!insideMeta)
            {
                var pruned = SchemaPruner.PruneDefault(rawDefault.DeepClone(), node);
                if (!JsonEquality.DeepEquals(pruned, rawDefault, NumberEquality.ByGoType))
                {
                    errors.Add(SchemaFieldError.Invalid(defaultPath, GoFormat.BadValue(rawDefault), "must not have unknown fields"));
                }
            }

            var defaultErrors = new List<SchemaFieldError>();
            SchemaValidator.ValidateValue(rawDefault.DeepClone(), node, defaultPath, defaultErrors);
            errors.AddRange(defaultErrors);
        }

        if (node.Enum is { } values && node.Types.Count > 0)
        {
            for (var i = 0; i < values.Count; i++)
            {
                var datum = JsonData.Read(values[i]);
                var matches = datum.Kind == JsonDataKind.Null
                    ? node.Nullable
                    : node.AcceptsType(datum.TypeName)
                        || (datum.Kind == JsonDataKind.Integer && node.AcceptsType("number"))
                        || (datum.Kind == JsonDataKind.Number && SchemaValidator.IsJsonInteger(datum.Number) && node.AcceptsType("integer"));
                if (!matches)
                {
                    errors.Add(SchemaFieldError.Invalid(FieldPath.Index(FieldPath.Child(path, "enum"), i), GoFormat.BadValue(values[i]), $"must be of type {node.TypeNames}"));
                }
            }
        }

        if (node.Items is { } items)
        {
            CheckDefaultsAndEnums(items, FieldPath.Child(path, "items"), insideMeta, isRoot: false, depth + 1, errors);
        }

        foreach (var (name, property) in node.OrderedProperties)
        {
            var childInsideMeta = insideMeta || ((isRoot || node.EmbeddedResource) && FieldPath.IsMetaField(name));
            CheckDefaultsAndEnums(property, FieldPath.Key(FieldPath.Child(path, "properties"), name), childInsideMeta, isRoot: false, depth + 1, errors);
        }
    }

    private static bool HasValue(JsonObject node, string key) => node.TryGetPropertyValue(key, out var value) && value is not null;

    private static string? Str(JsonObject node, string key) => JsonData.Read(node[key]) is { Kind: JsonDataKind.String } datum ? datum.Text : null;

    private static bool? Bool(JsonObject node, string key) => JsonData.Read(node[key]) is { Kind: JsonDataKind.Boolean } datum ? datum.Boolean : null;

    private static JsonObject? Obj(JsonObject node, string key) => node[key] as JsonObject;

    private static List<string> StrList(JsonObject node, string key) =>
        node[key] is JsonArray list ? list.Select(item => JsonData.Read(item).Text).OfType<string>().ToList() : [];
}
