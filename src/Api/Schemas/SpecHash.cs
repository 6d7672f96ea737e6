using System.Security.Cryptography;
using System.Text.Json;
using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Schemas;

/// <summary>
/// The <c>kube-bind.io/source-spec-hash</c> of BoundSchemas and APIServiceExports: lowercase hex SHA-256 over each
/// spec's JSON followed by a newline, as upstream's backend computes it with Go's <c>json.Encoder</c>.
/// </summary>
/// <remarks>
/// The JSON is <see cref="ApiJson"/>'s, which is Go-like but not byte-identical to Go (string escaping, and the
/// verbatim schema keeps its source key order where Go sorts map keys). Only the backend reads the hash back, and it
/// always compares it with one it computed itself, so self-consistency is what counts.
/// </remarks>
public static class SpecHash
{
    /// <summary>The hash of one BoundSchema spec.</summary>
    public static string Of(BoundSchemaSpec spec) => Of([spec]);

    /// <summary>The hash of an APIServiceExport: its BoundSchemas' specs in <c>spec.resources</c> order.</summary>
    public static string Of(IEnumerable<BoundSchemaSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var spec in specs)
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(spec, ApiJson.TypeInfo<BoundSchemaSpec>()));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
