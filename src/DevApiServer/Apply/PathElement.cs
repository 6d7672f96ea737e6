using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>One step of a field path: a map field, an associative-list key, a set value or a list index.</summary>
/// <remarks>Immutable. Values are private copies, so elements never alias an object being edited.</remarks>
internal sealed class PathElement : IComparable<PathElement>, IEquatable<PathElement>
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = JsonValues.MaxDepth + 28 };

    private string? _fieldsV1Key;

    private PathElement(PathElementKind kind, string? fieldName, IReadOnlyList<KeyValuePair<string, JsonNode?>>? key, JsonNode? value, int index)
    {
        Kind = kind;
        FieldName = fieldName;
        Key = key;
        Value = value;
        Index = index;
    }

    /// <summary>Gets the kind of element.</summary>
    public PathElementKind Kind { get; }

    /// <summary>Gets the field name of a <see cref="PathElementKind.Field"/> element.</summary>
    public string? FieldName { get; }

    /// <summary>Gets the key fields, sorted by name, of a <see cref="PathElementKind.Key"/> element.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>>? Key { get; }

    /// <summary>Gets the value of a <see cref="PathElementKind.Value"/> element.</summary>
    public JsonNode? Value { get; }

    /// <summary>Gets the position of an <see cref="PathElementKind.Index"/> element.</summary>
    public int Index { get; }

    public static bool operator ==(PathElement? left, PathElement? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PathElement? left, PathElement? right) => !(left == right);

    public static bool operator <(PathElement left, PathElement right) => left is not null && left.CompareTo(right) < 0;

    public static bool operator >(PathElement left, PathElement right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator <=(PathElement left, PathElement right) => left is not null && left.CompareTo(right) <= 0;

    public static bool operator >=(PathElement left, PathElement right) => left is not null && left.CompareTo(right) >= 0;

    /// <summary>Creates a map field element.</summary>
    public static PathElement ForField(string name) => new(PathElementKind.Field, name, null, null, 0);

    /// <summary>Creates an associative-list key element from the item's key fields.</summary>
    public static PathElement ForKey(IEnumerable<KeyValuePair<string, JsonNode?>> fields) =>
        new(
            PathElementKind.Key,
            null,
            fields.Select(f => new KeyValuePair<string, JsonNode?>(f.Key, f.Value?.DeepClone())).OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            null,
            0);

    /// <summary>Creates a set value element.</summary>
    public static PathElement ForValue(JsonNode? value) => new(PathElementKind.Value, null, null, value?.DeepClone(), 0);

    /// <summary>Creates a list index element.</summary>
    public static PathElement ForIndex(int index) => new(PathElementKind.Index, null, null, null, index);

    /// <summary>Parses a FieldsV1 key (<c>f:</c>, <c>k:</c>, <c>v:</c>, <c>i:</c>); null for an unknown prefix, which SMD skips.</summary>
    /// <exception cref="FormatException">The key has a known prefix but a malformed body.</exception>
    public static PathElement? ParseFieldsV1Key(string text)
    {
        if (text.Length < 2 || text[1] != ':')
        {
            return null;
        }

        var body = text[2..];
        switch (text[0])
        {
            case 'f':
                return ForField(body);
            case 'v':
                return ForValue(ParseJson(body));
            case 'i':
                return int.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
                    ? ForIndex(index)
                    : throw new FormatException($"Invalid index path element '{text}'.");
            case 'k':
                return ParseJson(body) is JsonObject key
                    ? ForKey(key.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value)))
                    : throw new FormatException($"Invalid key path element '{text}'.");
            default:
                return null;
        }
    }

    /// <summary>Returns the FieldsV1 key of this element.</summary>
    public string ToFieldsV1Key() => _fieldsV1Key ??= Kind switch
    {
        PathElementKind.Field => "f:" + FieldName,
        PathElementKind.Key => "k:" + KeyJson(),
        PathElementKind.Value => "v:" + GoText.Json(Value),
        _ => "i:" + Index.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Returns SMD's string form: <c>.name</c>, <c>[name="x"]</c>, <c>[="a"]</c> or <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + FieldName,
        PathElementKind.Key => "[" + string.Join(",", Key!.Select(f => f.Key + "=" + JsonValues.ToGoString(f.Value))) + "]",
        PathElementKind.Value => "[=" + JsonValues.ToGoString(Value) + "]",
        _ => "[" + Index.ToString(CultureInfo.InvariantCulture) + "]",
    };

    /// <inheritdoc/>
    public int CompareTo(PathElement? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }

        return Kind switch
        {
            PathElementKind.Field => Math.Sign(string.CompareOrdinal(FieldName, other.FieldName)),
            PathElementKind.Key => CompareKeys(Key!, other.Key!),
            PathElementKind.Value => JsonValues.Compare(Value, other.Value),
            _ => Index.CompareTo(other.Index),
        };
    }

    /// <inheritdoc/>
    public bool Equals(PathElement? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PathElement other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        PathElementKind.Field => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(FieldName!)),
        PathElementKind.Key => Key!.Aggregate((int)Kind, (hash, f) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(f.Key))),

        // Numbers compare across int and float, so only the value's kind feeds the hash.
        PathElementKind.Value => HashCode.Combine(Kind, JsonValues.KindOf(Value) is JsonValueKind.String ? StringComparer.Ordinal.GetHashCode(JsonValues.AsString(Value)!) : (int)JsonValues.KindOf(Value)),
        _ => HashCode.Combine(Kind, Index),
    };

    private static int CompareKeys(IReadOnlyList<KeyValuePair<string, JsonNode?>> left, IReadOnlyList<KeyValuePair<string, JsonNode?>> right)
    {
        for (var i = 0; ; i++)
        {
            if (i >= left.Count || i >= right.Count)
            {
                return left.Count.CompareTo(right.Count);
            }

            var c = Math.Sign(string.CompareOrdinal(left[i].Key, right[i].Key));
            if (c == 0)
            {
                c = JsonValues.Compare(left[i].Value, right[i].Value);
            }

            if (c != 0)
            {
                return c;
            }
        }
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, nodeOptions: null, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid JSON in path element: {e.Message}", e);
        }
    }

    private string KeyJson()
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < Key!.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",");
            GoText.AppendJsonString(builder, Key[i].Key);
            builder.Append(':').Append(GoText.Json(Key[i].Value));
        }

        return builder.Append('}').ToString();
    }
}
