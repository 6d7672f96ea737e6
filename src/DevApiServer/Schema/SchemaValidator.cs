using System.Globalization;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Schema;

/// <summary>
/// OpenAPI value validation as kube-openapi's SchemaValidator runs it for custom resources, with its messages turned
/// into field errors the way apiextensions-apiserver does (kubeOpenAPIResultToFieldErrors).
/// </summary>
internal sealed class SchemaValidator
{
    private readonly string _fieldPrefix;

    private SchemaValidator(string fieldPrefix)
    {
        _fieldPrefix = fieldPrefix;
    }

    /// <summary>Validates a whole custom resource (paths relative to the object root).</summary>
    public static void ValidateResource(JsonObject resource, StructuralSchema schema, List<SchemaFieldError> errors) =>
        new SchemaValidator(string.Empty).ValidateNode(resource, schema, string.Empty, 0, errors);

    /// <summary>Validates any value; error fields are prefixed with <paramref name="fieldPrefix"/> (used for defaults).</summary>
    public static void ValidateValue(JsonNode? value, StructuralSchema schema, string fieldPrefix, List<SchemaFieldError> errors) =>
        new SchemaValidator(fieldPrefix).ValidateNode(value, schema, string.Empty, 0, errors);

    // Returns go-openapi's match count, which picks the "best" failing branch of anyOf/oneOf.
    private int ValidateNode(JsonNode? data, StructuralSchema schema, string path, int depth, List<SchemaFieldError> errors)
    {
        if (depth > SchemaProcessor.MaxDepth)
        {
            errors.Add(SchemaFieldError.Invalid(Field(path), GoText.Quote(string.Empty), $"must not be nested deeper than {SchemaProcessor.MaxDepth} levels"));
            return 0;
        }

        var datum = JsonData.Read(data);
        if (datum.Kind == JsonDataKind.Null)
        {
            // kube-openapi only runs the type and enum checks on null.
            return ValidateType(datum, schema, path, errors) + ValidateEnum(datum, schema, path, errors);
        }

        var matches = 0;
        if (schema.Types.Count > 0 || schema.SupportedFormat is not null)
        {
            matches += ValidateType(datum, schema, path, errors) + 1;
        }

        matches += ValidateJunctors(data, schema, path, depth, errors) + 1;

        if (datum.Kind == JsonDataKind.String)
        {
            ValidateString(datum.Text!, schema, path, errors);
            matches++;
            if (schema.SupportedFormat is not null)
            {
                ValidateFormat(datum.Text!, schema, path, errors);
                matches++;
            }
        }

        if (datum.IsNumeric)
        {
            ValidateNumber(datum, schema, path, errors);
            matches += 2;
        }

        if (data is JsonArray array)
        {
            matches += ValidateArray(array, schema, path, depth, errors) + 2;
        }

        ValidateEnum(datum, schema, path, errors);
        matches++;

        if (data is JsonObject obj)
        {
            matches += ValidateObject(obj, schema, path, depth, errors) + 1;
        }

        return matches + 1;
    }

    private int ValidateType(JsonDatum datum, StructuralSchema schema, string path, List<SchemaFieldError> errors)
    {
        if (datum.Kind == JsonDataKind.Null)
        {
            if (schema.Types.Count > 0 && !schema.Nullable)
            {
                AddTypeError(path, schema.TypeNames, "null", errors);
                return 0;
            }

            return 1;
        }

        var typeName = datum.TypeName;
        var format = schema.SupportedFormat is null ? string.Empty : schema.Format;
        var isFloatInt = datum.Kind == JsonDataKind.Number && IsJsonInteger(datum.Number) && schema.AcceptsType("integer");
        var isIntFloat = datum.Kind == JsonDataKind.Integer && schema.AcceptsType("number");
        var isStringOrArray = datum.Kind is JsonDataKind.String or JsonDataKind.Array;

        if (!isStringOrArray && format.Length > 0
            && !(schema.AcceptsType(typeName) || string.Equals(datum.FormatName, format, StringComparison.Ordinal) || isFloatInt || isIntFloat))
        {
            // kube-openapi reports a string format mismatch against the value's own format ("int64", "float64" or "").
            AddTypeError(path, format, datum.FormatName, errors);
            return 0;
        }

        if (!(schema.AcceptsType("number") || schema.AcceptsType("integer")) && format.Length > 0 && isStringOrArray)
        {
            return 1;
        }

        if (!(schema.AcceptsType(typeName) || isFloatInt || isIntFloat))
        {
            AddTypeError(path, schema.TypeNames, typeName, errors);
            return 0;
        }

        return 1;
    }

    private void AddTypeError(string path, string expected, string actual, List<SchemaFieldError> errors) =>
        errors.Add(SchemaFieldError.TypeInvalid(Field(path), GoText.Quote(actual), $"{path} in body must be of type {expected}: {GoText.Quote(actual)}"));

    private int ValidateJunctors(JsonNode? data, StructuralSchema schema, string path, int depth, List<SchemaFieldError> errors)
    {
        if (!schema.HasJunctors)
        {
            return 1;
        }

        var matches = 0;
        if (schema.AnyOf.Count > 0)
        {
            List<SchemaFieldError>? best = null;
            var bestMatches = 0;
            int? successMatches = null;
            foreach (var branch in schema.AnyOf)
            {
                var branchErrors = new List<SchemaFieldError>();
                var branchMatches = ValidateNode(data, branch, path, depth, branchErrors);
                if (branchErrors.Count == 0)
                {
                    best = null;
                    successMatches = branchMatches;
                    break;
                }

                if (best is null || branchMatches > bestMatches)
                {
                    best = branchErrors;
                    bestMatches = branchMatches;
                }
            }

            if (successMatches is null)
            {
                errors.Add(Composite($"{GoText.Quote(path)} must validate at least one schema (anyOf)"));
            }

            if (best is not null)
            {
                errors.AddRange(best);
                matches += bestMatches;
            }
            else
            {
                matches += successMatches ?? 0;
            }
        }

        if (schema.OneOf.Count > 0)
        {
            List<SchemaFieldError>? best = null;
            var bestMatches = 0;
            int? firstSuccess = null;
            var validated = 0;
            foreach (var branch in schema.OneOf)
            {
                var branchErrors = new List<SchemaFieldError>();
                var branchMatches = ValidateNode(data, branch, path, depth, branchErrors);
                if (branchErrors.Count == 0)
                {
                    validated++;
                    best = null;
                    firstSuccess ??= branchMatches;
                    continue;
                }

                if (validated == 0 && (best is null || branchMatches > bestMatches))
                {
                    best = branchErrors;
                    bestMatches = branchMatches;
                }
            }

            if (validated != 1)
            {
                var found = validated == 0 ? "Found none valid" : $"Found {validated} valid alternatives";
                errors.Add(Composite($"{GoText.Quote(path)} must validate one and only one schema (oneOf). {found}"));
                if (best is not null)
                {
                    errors.AddRange(best);
                    matches += bestMatches;
                }
            }
            else
            {
                matches += firstSuccess ?? 0;
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var validated = 0;
            foreach (var branch in schema.AllOf)
            {
                var branchErrors = new List<SchemaFieldError>();
                matches += ValidateNode(data, branch, path, depth, branchErrors);
                if (branchErrors.Count == 0)
                {
                    validated++;
                }

                errors.AddRange(branchErrors);
            }

            if (validated != schema.AllOf.Count)
            {
                var none = validated == 0 ? ". None validated" : string.Empty;
                errors.Add(Composite($"{GoText.Quote(path)} must validate all the schemas (allOf){none}"));
            }
        }

        if (schema.Not is { } not)
        {
            var branchErrors = new List<SchemaFieldError>();
            ValidateNode(data, not, path, depth, branchErrors);
            if (branchErrors.Count == 0)
            {
                errors.Add(Composite($"{GoText.Quote(path)} must not validate the schema (not)"));
            }
        }

        return matches + 1;
    }

    // Junctor failures carry no name in kube-openapi, so they land on the validation root with an empty value.
    private SchemaFieldError Composite(string message) =>
        SchemaFieldError.Invalid(_fieldPrefix, GoText.Quote(string.Empty), message);

    private void ValidateString(string value, StructuralSchema schema, string path, List<SchemaFieldError> errors)
    {
        // kube-openapi's string validator stops at the first failure.
        if (schema.MaxLength is { } maxLength && RuneCount(value) > maxLength)
        {
            // kube-openapi does not hand the limit over, so the apiserver prints its generic text.
            errors.Add(SchemaFieldError.TooLong(Field(path), "value is too long"));
            return;
        }

        if (schema.MinLength is { } minLength && RuneCount(value) < minLength)
        {
            errors.Add(SchemaFieldError.Invalid(Field(path), GoText.Quote(value), $"{path} in body should be at least {minLength} chars long"));
            return;
        }

        if (schema.Pattern is { } pattern)
        {
            if (schema.PatternRegex is null)
            {
                errors.Add(SchemaFieldError.Invalid(Field(path), GoText.Quote(value), $"{path} in body should match '{pattern}, but pattern is invalid: {schema.PatternError}'"));
            }
            else if (!GoRegex.IsMatch(schema.PatternRegex, value))
            {
                errors.Add(SchemaFieldError.Invalid(Field(path), GoText.Quote(value), $"{path} in body should match '{pattern}'"));
            }
        }
    }

    private void ValidateFormat(string value, StructuralSchema schema, string path, List<SchemaFieldError> errors)
    {
        if (!StringFormats.IsValid(schema.SupportedFormat!, value))
        {
            errors.Add(SchemaFieldError.TypeInvalid(Field(path), GoText.Quote(value), $"{path} in body must be of type {schema.Format}: {GoText.Quote(value)}"));
        }
    }

    private void ValidateNumber(JsonDatum datum, StructuralSchema schema, string path, List<SchemaFieldError> errors)
    {
        var isInteger = datum.Kind == JsonDataKind.Integer;
        var rendered = isInteger ? datum.Integer.ToString(CultureInfo.InvariantCulture) : GoText.Float(datum.Number);

        if (schema.MultipleOf is { } factor)
        {
            var integerFactor = GoInt64(factor);
            if (isInteger && integerFactor != 0)
            {
                // Integers are checked against the factor truncated to int64, like MultipleOfNativeType.
                if (integerFactor < 0)
                {
                    errors.Add(MustBePositive(path, integerFactor.ToString(CultureInfo.InvariantCulture)));
                }
                else if (datum.Integer % integerFactor != 0)
                {
                    errors.Add(SchemaFieldError.Invalid(Field(path), rendered, $"{path} in body should be a multiple of {integerFactor.ToString(CultureInfo.InvariantCulture)}"));
                }
            }
            else if (factor < 0)
            {
                errors.Add(MustBePositive(path, GoText.Float(factor)));
            }
            else
            {
                var value = datum.AsDouble;
                var multiple = factor < 1 ? 1 / factor * value : value / factor;
                if (!IsJsonInteger(multiple))
                {
                    errors.Add(SchemaFieldError.Invalid(Field(path), rendered, $"{path} in body should be a multiple of {GoText.Float(factor)}"));
                }
            }
        }

        if (schema.Minimum is { } minimum)
        {
            bool fails;
            string bound;
            if (isInteger)
            {
                var integerMinimum = GoInt64(minimum);
                fails = schema.ExclusiveMinimum ? datum.Integer <= integerMinimum : datum.Integer < integerMinimum;
                bound = integerMinimum.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                fails = schema.ExclusiveMinimum ? datum.Number <= minimum : datum.Number < minimum;
                bound = GoText.Float(minimum);
            }

            if (fails)
            {
                var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
                errors.Add(SchemaFieldError.Invalid(Field(path), rendered, $"{path} in body should be {relation} {bound}"));
            }
        }

        if (schema.Maximum is { } maximum)
        {
            bool fails;
            string bound;
            if (isInteger)
            {
                var integerMaximum = GoInt64(maximum);
                fails = schema.ExclusiveMaximum ? datum.Integer >= integerMaximum : datum.Integer > integerMaximum;
                bound = integerMaximum.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                fails = schema.ExclusiveMaximum ? datum.Number >= maximum : datum.Number > maximum;
                bound = GoText.Float(maximum);
            }

            if (fails)
            {
                var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
                errors.Add(SchemaFieldError.Invalid(Field(path), rendered, $"{path} in body should be {relation} {bound}"));
            }
        }
    }

    private SchemaFieldError MustBePositive(string path, string factor) =>
        SchemaFieldError.Invalid(Field(path), factor, $"factor MultipleOf declared for {path} must be positive: {factor}");

    private int ValidateArray(JsonArray array, StructuralSchema schema, string path, int depth, List<SchemaFieldError> errors)
    {
        var matches = 0;
        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                matches += ValidateNode(array[i], items, FieldPath.Index(path, i), depth + 1, errors);
            }
        }

        var count = array.Count;
        if (schema.MinItems is { } minItems && count < minItems)
        {
            errors.Add(SchemaFieldError.Invalid(Field(path), count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {minItems} items"));
        }

        if (schema.MaxItems is { } maxItems && count > maxItems)
        {
            errors.Add(SchemaFieldError.TooMany(Field(path), count.ToString(CultureInfo.InvariantCulture), "has too many items"));
        }

        return matches;
    }

    private int ValidateEnum(JsonDatum datum, StructuralSchema schema, string path, List<SchemaFieldError> errors)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return 0;
        }

        foreach (var value in values)
        {
            if (EnumMatches(datum, value))
            {
                return 0;
            }
        }

        var allowed = values.Select(v => JsonData.Read(v) is { Kind: JsonDataKind.String } s ? s.Text! : GoFormat.Json(v));
        errors.Add(SchemaFieldError.NotSupported(Field(path), GoFormat.BadValue(datum.Node), allowed));
        return 0;
    }

    // basicCommonValidator: convert the value to the enum member's Go type, then reflect.DeepEqual.
    private static bool EnumMatches(JsonDatum datum, JsonNode? enumValue)
    {
        var member = JsonData.Read(enumValue);
        if (datum.Kind == JsonDataKind.Null || member.Kind == JsonDataKind.Null)
        {
            return false;
        }

        return (datum.Kind, member.Kind) switch
        {
            (JsonDataKind.Integer, JsonDataKind.Number) => datum.Integer == member.Number,
            (JsonDataKind.Number, JsonDataKind.Integer) => GoInt64(datum.Number) == member.Integer,
            (JsonDataKind.Integer, JsonDataKind.String) => string.Equals(RuneString(datum.Integer), member.Text, StringComparison.Ordinal),
            _ => datum.Kind == member.Kind && JsonEquality.DeepEquals(datum.Node, enumValue, NumberEquality.ByGoType),
        };
    }

    private int ValidateObject(JsonObject obj, StructuralSchema schema, string path, int depth, List<SchemaFieldError> errors)
    {
        var count = obj.Count;
        if (schema.MinProperties is { } minProperties && count < minProperties)
        {
            // kube-openapi puts the limit, not the count, into the error value.
            errors.Add(SchemaFieldError.Invalid(Field(path), minProperties.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {minProperties} properties"));
            return 0;
        }

        if (schema.MaxProperties is { } maxProperties && count > maxProperties)
        {
            errors.Add(SchemaFieldError.TooMany(Field(path), maxProperties.ToString(CultureInfo.InvariantCulture), "has too many items"));
            return 0;
        }

        var matches = 0;
        foreach (var (key, value) in obj)
        {
            if (schema.Properties.TryGetValue(key, out var property))
            {
                matches += ValidateNode(value, property, FieldPath.Child(path, key), depth + 1, errors);
            }
            else if (!schema.AdditionalPropertiesAllowed)
            {
                errors.Add(SchemaFieldError.Invalid(Field(path), GoText.Quote(key), $"{path}.{key} in body is a forbidden property"));
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                matches += ValidateNode(value, additional, path + "." + key, depth + 1, errors);
            }
        }

        foreach (var required in schema.Required)
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add(SchemaFieldError.Required(Field(path + "." + required), string.Empty));
            }
        }

        return matches;
    }

    private string Field(string openApiName) => FieldPath.FromOpenApiName(_fieldPrefix, openApiName);

    private static int RuneCount(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    // swag.IsFloat64AJSONInteger: integral within +/-(2^53-1), tolerating a relative error of 1e-9.
    internal static bool IsJsonInteger(double value)
    {
        const double maxJsonFloat = 9007199254740991;
        if (double.IsNaN(value) || double.IsInfinity(value) || value < -maxJsonFloat || value > maxJsonFloat)
        {
            return false;
        }

        var truncated = Math.Truncate(value);
        if (value == truncated)
        {
            return true;
        }

        if (value < 0)
        {
            return false;
        }

        return (value - truncated) / Math.Min(value + truncated, double.MaxValue) < 1e-9;
    }

    // Go's int64(float64) truncates; out-of-range values are clamped here instead of being undefined.
    internal static long GoInt64(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        if (value >= 9.2233720368547758e18)
        {
            return long.MaxValue;
        }

        return value <= -9.2233720368547758e18 ? long.MinValue : (long)Math.Truncate(value);
    }

    // Go's string(rune(n)): the UTF-8 text of the code point, U+FFFD when it is not one.
    private static string RuneString(long value) =>
        value is >= 0 and <= 0x10FFFF && !(value is >= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)value) : "\uFFFD";
}
