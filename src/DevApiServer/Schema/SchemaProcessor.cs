using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Applies a CRD version's structural schema to a custom resource the way kube-apiserver does on every write.</summary>
internal static class SchemaProcessor
{
    /// <summary>Nesting depth below which the walkers stop, so hostile input cannot overflow the stack.</summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// Prunes unknown fields (and non-nullable nulls without a default), applies defaults, then validates; the object is
    /// changed in place. apiVersion, kind and metadata at the root are never pruned or defaulted.
    /// </summary>
    public static SchemaProcessingResult Process(JsonObject obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);

        var unknownFields = new List<string>();
        SchemaPruner.PruneResource(obj, schema, unknownFields);
        SchemaDefaulter.DefaultResource(obj, schema);

        // Same order as the apiserver's strategy: OpenAPI errors, then embedded resources, then list sets and maps.
        var errors = new List<SchemaFieldError>();
        SchemaValidator.ValidateResource(obj, schema, errors);
        StructuralInvariantValidator.Validate(obj, schema, errors);
        return new SchemaProcessingResult(errors, unknownFields);
    }
}
