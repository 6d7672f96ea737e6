using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeBind.DevApiServer.Schema;

/// <summary>
/// One node of a CRD version's openAPIV3Schema, parsed once and reused for every write (immutable after
/// <see cref="Parse"/>; patterns are compiled and defaults pruned up front).
/// </summary>
internal sealed class StructuralSchema
{
    private static readonly Dictionary<string, StructuralSchema> NoProperties = new(StringComparer.Ordinal);

    internal StructuralSchema()
    {
    }

    /// <summary>The declared type, empty when the node has none (int-or-string, preserve-unknown-fields, junctor branches).</summary>
    public string Type { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, StructuralSchema> Properties { get; init; } = NoProperties;

    /// <summary>The properties in schema order (the order defaults are applied and the definition is checked).</summary>
    public IReadOnlyList<KeyValuePair<string, StructuralSchema>> OrderedProperties { get; init; } = [];

    /// <summary>The additionalProperties schema; null when absent or given as a boolean.</summary>
    public StructuralSchema? AdditionalProperties { get; init; }

    /// <summary>True when additionalProperties is given at all (schema, true or false).</summary>
    public bool HasAdditionalProperties { get; init; }

    /// <summary>False only for <c>additionalProperties: false</c>.</summary>
    public bool AdditionalPropertiesAllowed { get; init; } = true;

    public StructuralSchema? Items { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The enum values, or null when the node has no enum.</summary>
    public IReadOnlyList<JsonNode?>? Enum { get; init; }

    public bool Nullable { get; init; }

    /// <summary>The format as written in the schema.</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>The normalized format when kube-apiserver checks it; null for formats it strips (int32, int64, float, ...).</summary>
    public string? SupportedFormat { get; init; }

    /// <summary>The default value, already pruned against this node; null when there is none.</summary>
    public JsonNode? Default { get; private set; }

    public bool HasDefault => Default is not null;

    /// <summary>The default exactly as written (before pruning), for the CRD-definition checks.</summary>
    internal JsonNode? RawDefault { get; private set; }

    public bool PreserveUnknownFields { get; init; }

    public bool IntOrString { get; init; }

    public bool EmbeddedResource { get; init; }

    public string? ListType { get; init; }

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    public string? MapType { get; init; }

    public long? MaxLength { get; init; }

    public long? MinLength { get; init; }

    public long? MaxItems { get; init; }

    public long? MinItems { get; init; }

    public long? MaxProperties { get; init; }

    public long? MinProperties { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? MultipleOf { get; init; }

    public string? Pattern { get; init; }

    /// <summary>The compiled pattern; null when there is none or it does not compile (see <see cref="PatternError"/>).</summary>
    internal Regex? PatternRegex { get; init; }

    internal string? PatternError { get; init; }

    public IReadOnlyList<StructuralSchema> AllOf { get; init; } = [];

    public IReadOnlyList<StructuralSchema> AnyOf { get; init; } = [];

    public IReadOnlyList<StructuralSchema> OneOf { get; init; } = [];

    public StructuralSchema? Not { get; init; }

    /// <summary>The types the validator accepts: [integer, string] for int-or-string, else the declared type if any.</summary>
    internal IReadOnlyList<string> Types { get; init; } = [];

    internal string TypeNames { get; init; } = string.Empty;

    internal IReadOnlyList<KeyValuePair<string, StructuralSchema>> DefaultedProperties { get; private set; } = [];

    internal bool HasJunctors => AllOf.Count > 0 || AnyOf.Count > 0 || OneOf.Count > 0 || Not is not null;

    /// <summary>Parses an openAPIV3Schema; throws <see cref="SchemaFormatException"/> when it cannot be read.</summary>
    public static StructuralSchema Parse(JsonNode openApiV3Schema) => SchemaParser.Parse(openApiV3Schema);

    /// <summary>The CRD-creation checks kube-apiserver runs on a version's schema, with paths under <paramref name="fieldPath"/>.</summary>
    public static IReadOnlyList<SchemaFieldError> ValidateDefinition(JsonNode openApiV3Schema, string fieldPath) =>
        SchemaDefinitionValidator.Validate(openApiV3Schema, fieldPath);

    internal bool AcceptsType(string typeName)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (string.Equals(Types[i], typeName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Called once by the parser after the subtree exists, because pruning a default needs the finished node.
    internal void Seal(JsonNode? rawDefault, JsonNode? prunedDefault)
    {
        RawDefault = rawDefault;
        Default = prunedDefault;
        DefaultedProperties = OrderedProperties.Where(p => p.Value.HasDefault).ToArray();
    }
}
