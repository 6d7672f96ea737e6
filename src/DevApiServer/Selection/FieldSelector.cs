using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Http;
using KubeBind.DevApiServer.Resources;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Selection;

/// <summary>
/// A field selector (<c>metadata.name=x,involvedObject.kind!=Pod</c>). Like kube-apiserver, every type supports
/// metadata.name and metadata.namespace, plus its own selectable fields (events' involvedObject.*, secrets' type,
/// a CRD's selectableFields); any other label is a BadRequest.
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<Term> _terms;

    private FieldSelector(IReadOnlyList<Term> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<Term>();
        foreach (var part in text.Split(','))
        {
            var term = part.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            int index;
            bool equal;
            int width;
            if ((index = term.IndexOf("!=", StringComparison.Ordinal)) >= 0)
            {
                (equal, width) = (false, 2);
            }
            else if ((index = term.IndexOf("==", StringComparison.Ordinal)) >= 0)
            {
                (equal, width) = (true, 2);
            }
            else if ((index = term.IndexOf('=', StringComparison.Ordinal)) >= 0)
            {
                (equal, width) = (true, 1);
            }
            else
            {
                throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            var field = term[..index].Trim();
            string? path = field is "metadata.name" or "metadata.namespace" ? null
                : type.SelectableFields.TryGetValue(field, out var selectable) ? selectable
                : throw ApiException.BadRequest($"field label not supported: {field}");
            terms.Add(new Term(field, path, equal, term[(index + width)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(StoredObject obj)
    {
        JsonObject? parsed = null;
        foreach (var term in _terms)
        {
            string actual;
            if (term.Path is null)
            {
                actual = term.Field == "metadata.name" ? obj.Name : obj.Namespace;
            }
            else
            {
                parsed ??= obj.ToJsonObject();
                var value = SimpleJsonPath.Evaluate(parsed, term.Path);
                actual = value is JsonValue v ? v.ToString() : string.Empty;
            }

            if ((actual == term.Value) != term.Equal)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Term(string Field, string? Path, bool Equal, string Value);
}
