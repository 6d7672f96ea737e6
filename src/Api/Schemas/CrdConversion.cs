using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Api.Schemas;

/// <summary>Converts provider CRDs to BoundSchemas and BoundSchemas to consumer CRDs, as upstream kube-bind does.</summary>
public static class CrdConversion
{
    /// <summary>The apiVersion of the CRDs this class reads and writes.</summary>
    public const string CrdApiVersion = "apiextensions.k8s.io/v1";

    /// <summary>The kind of the CRDs this class reads and writes.</summary>
    public const string CrdKind = "CustomResourceDefinition";

    private const string OpenApiV3Schema = "openAPIV3Schema";

    /// <summary>A BoundSchema named like the CRD whose spec is <see cref="ToBoundSchemaSpec"/> of it.</summary>
    /// <exception cref="ArgumentException">The CRD has no usable spec, or <paramref name="shape"/> rejects it.</exception>
    public static BoundSchema ToBoundSchema(JsonObject crd, SchemaShape shape = SchemaShape.Wrapped, string? informerScope = null) => new()
    {
        Metadata = new() { Name = NameOf(crd) },
        Spec = ToBoundSchemaSpec(crd, shape, informerScope),
    };

    /// <summary>
    /// The BoundSchema spec of a CRD: group, names, scope, versions and conversion field by field, unknown fields
    /// (such as <c>preserveUnknownFields</c> or a webhook's <c>service</c>) dropped; <paramref name="informerScope"/>
    /// defaults to the CRD's scope.
    /// </summary>
    /// <exception cref="ArgumentException">The CRD has no usable spec, or <paramref name="shape"/> rejects it.</exception>
    public static BoundSchemaSpec ToBoundSchemaSpec(JsonObject crd, SchemaShape shape = SchemaShape.Wrapped, string? informerScope = null)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var spec = ReadSpec(crd);

        if (shape is SchemaShape.Bare)
        {
            // Upstream's CRDToBoundSchema refuses what it could not convert between versions.
            if (spec.Versions.Count > 1 && spec.Conversion is null)
            {
                throw new ArgumentException($"CustomResourceDefinition {NameOf(crd)} has several versions but no conversion", nameof(crd));
            }

            spec = spec with { Versions = [.. spec.Versions.Select(v => v with { Schema = Unwrapped(v.Schema) })] };
        }

        return spec with { InformerScope = informerScope ?? spec.Scope };
    }

    /// <summary>
    /// The consumer CRD for a BoundSchema, as upstream's konnector builds it: named <c>&lt;plural&gt;.&lt;group&gt;</c>,
    /// with either schema shape, and owned by <paramref name="binding"/> when one is given.
    /// </summary>
    public static JsonObject ToCustomResourceDefinition(BoundSchema boundSchema, ApiServiceBinding? binding = null)
    {
        ArgumentNullException.ThrowIfNull(boundSchema);
        var spec = boundSchema.Spec;
        var crdSpec = (JsonObject)KnownFields.Of(spec with { Versions = [.. spec.Versions.Select(CrdVersion)] })!;
        crdSpec.Remove("informerScope");
        foreach (var version in crdSpec["versions"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            NormalizeSchema(version);
        }

        var metadata = new JsonObject { ["name"] = $"{spec.Names.Plural}.{spec.Group}" };
        if (binding is not null)
        {
            var owner = new OwnerReference
            {
                ApiVersion = Group.ApiVersion,
                Kind = ApiServiceBinding.KindName,
                Name = binding.Metadata.Name ?? "",
                Uid = binding.Metadata.Uid ?? "",
                Controller = true,
            };
            metadata["ownerReferences"] = new JsonArray(JsonSerializer.SerializeToNode(owner, ApiJson.TypeInfo<OwnerReference>()));
        }

        return new JsonObject
        {
            ["apiVersion"] = CrdApiVersion,
            ["kind"] = CrdKind,
            ["metadata"] = metadata,
            ["spec"] = crdSpec,
        };
    }

    private static BoundSchemaSpec ReadSpec(JsonObject crd)
    {
        if (crd["spec"] is not JsonObject spec)
        {
            throw new ArgumentException($"CustomResourceDefinition {NameOf(crd)} has no spec", nameof(crd));
        }

        try
        {
            return KnownFields.Keep(spec, typeof(BoundSchemaSpec)).Deserialize(ApiJson.TypeInfo<BoundSchemaSpec>())!;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"CustomResourceDefinition {NameOf(crd)} has an invalid spec: {e.Message}", nameof(crd), e);
        }
    }

    private static string NameOf(JsonObject crd) =>
        crd["metadata"]?["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : "";

    private static JsonElement? Unwrapped(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } wrapped && wrapped.TryGetProperty(OpenApiV3Schema, out var bare) ? bare : null;

    // A CRD version always carries subresources, if only an empty object (upstream's BoundSchemaToCRD).
    private static ApiResourceVersion CrdVersion(ApiResourceVersion version) =>
        version with { Subresources = version.Subresources ?? new() };

    // Upstream's konnector reads {openAPIV3Schema: …} first and otherwise takes the value itself as the schema; any
    // other value (not an object, or a non-object openAPIV3Schema) leaves the version without a schema.
    private static void NormalizeSchema(JsonObject version)
    {
        JsonNode? schema = version["schema"] switch
        {
            JsonObject wrapped when wrapped.TryGetPropertyValue(OpenApiV3Schema, out var inner) => inner is JsonObject ? inner.DeepClone() : null,
            JsonObject bare => bare.DeepClone(),
            _ => null,
        };

        if (schema is null)
        {
            version.Remove("schema");
        }
        else
        {
            version["schema"] = new JsonObject { [OpenApiV3Schema] = schema };
        }
    }
}
