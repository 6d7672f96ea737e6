using System.Text;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>Secrets: <c>stringData</c> folded into <c>data</c>, default type, base64 and immutability checks.</summary>
internal sealed class SecretStrategy : KnownFieldsStrategy
{
    public const string ServiceAccountTokenType = "kubernetes.io/service-account-token";
    public const string ServiceAccountNameAnnotation = "kubernetes.io/service-account.name";
    public const string ServiceAccountUidAnnotation = "kubernetes.io/service-account.uid";

    public SecretStrategy()
        : base("data", "stringData", "type", "immutable")
    {
    }

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        if (string.IsNullOrEmpty(obj.GetString("type")))
        {
            obj["type"] = "Opaque";
        }

        FoldStringData(obj);
    }

    public override void PrepareForUpdate(JsonObject updated, JsonObject old, WriteContext context)
    {
        if (string.IsNullOrEmpty(updated.GetString("type")))
        {
            updated["type"] = old.GetString("type") ?? "Opaque";
        }

        FoldStringData(updated);
    }

    public override IEnumerable<StatusCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        foreach (var cause in DataKeys.ValidateKeys(obj, "data").Concat(DataKeys.ValidateImmutable(obj, old, "data")))
        {
            yield return cause;
        }

        if (obj["data"] is JsonObject data)
        {
            long total = 0;
            foreach (var (key, value) in data)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    var bytes = new byte[s.Length];
                    if (!Convert.TryFromBase64String(s, bytes, out var written))
                    {
                        yield return StatusCause.Invalid($"data[{key}]", "<redacted>", "illegal base64 data");
                    }

                    total += written;
                }
            }

            if (total > 1024 * 1024)
            {
                yield return new StatusCause("FieldValueTooLong", "Too long: must have at most 1048576 bytes", "data");
            }
        }

        if (old is not null && old.GetString("type") != obj.GetString("type"))
        {
            yield return StatusCause.Invalid("type", obj.GetString("type") ?? string.Empty, "field is immutable");
        }

        if (obj.GetString("type") == ServiceAccountTokenType && string.IsNullOrEmpty(obj.Annotations().GetValueOrDefault(ServiceAccountNameAnnotation)))
        {
            yield return StatusCause.Required($"metadata.annotations[{ServiceAccountNameAnnotation}]");
        }
    }

    private static void FoldStringData(JsonObject obj)
    {
        if (obj["stringData"] is not JsonObject stringData)
        {
            obj.Remove("stringData");
            return;
        }

        if (obj["data"] is not JsonObject data)
        {
            data = [];
            obj["data"] = data;
        }

        foreach (var (key, value) in stringData)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty;
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }

        obj.Remove("stringData");
    }
}
