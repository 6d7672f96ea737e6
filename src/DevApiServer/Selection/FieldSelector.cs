using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Selection;

/// <summary>
/// A field selector (<c>metadata.name=x,metadata.namespace!=y</c>). Like kube-apiserver, every type supports
/// metadata.name and metadata.namespace; other fields are rejected with BadRequest.
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The name an equality term on metadata.name pins, if any (used to narrow single-object watches).</summary>
    public string? RequiredName => _terms.FirstOrDefault(t => t.Field == "metadata.name" && t.Equal).Value;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
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
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                throw ApiException.BadRequest($"\"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }

            terms.Add((field, equal, term[(index + width)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(StoredObject obj) => _terms.All(t =>
    {
        var actual = t.Field == "metadata.name" ? obj.Name : obj.Namespace;
        return (actual == t.Value) == t.Equal;
    });
}
