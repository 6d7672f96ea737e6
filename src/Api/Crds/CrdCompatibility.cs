using System.Text.Json.Nodes;

namespace KubeBind.Api.Crds;

/// <summary>
/// Whether an existing CRD is one of ours, older or current, that we may update in place: same group, names and
/// scope, our storage version present, and no version we do not ship (which applying ours would drop).
/// Everything else (printer columns, schemas, short names, other versions of ours) is ours to bring up to date.
/// </summary>
internal static class CrdCompatibility
{
    /// <summary>What makes <paramref name="existing"/> incompatible with <paramref name="ours"/>; empty when it is compatible.</summary>
    public static IReadOnlyList<string> Problems(JsonObject existing, CrdManifest ours)
    {
        var spec = existing["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var problems = new List<string>();
        Same("group", spec["group"], ours.Group, problems);
        Same("kind", names["kind"], ours.Kind, problems);
        Same("listKind", names["listKind"], ours.ListKind, problems);
        Same("plural", names["plural"], ours.Plural, problems);
        Same("singular", names["singular"], ours.Singular, problems);
        Same("scope", spec["scope"], ours.Scope, problems);

        var versions = (spec["versions"] as JsonArray ?? []).Select(v => Text(v?["name"])).ToList();
        if (!versions.Contains(ours.StorageVersion))
        {
            problems.Add($"it has no version {ours.StorageVersion} (it has {List(versions)}), and objects stored in another version would need migrating");
        }

        var stored = (existing["status"]?["storedVersions"] as JsonArray ?? []).Select(Text);
        var unknown = versions.Concat(stored).Distinct().Where(v => !ours.Versions.Contains(v)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"it has version(s) {List(unknown)} that we do not ship (only {List(ours.Versions)}), perhaps from a newer kube-bind");
        }

        return problems;
    }

    private static void Same(string field, JsonNode? actual, string expected, List<string> problems)
    {
        if (Text(actual) != expected)
        {
            problems.Add($"{field} is {(Text(actual) is { Length: > 0 } text ? text : "empty")}, we need {expected}");
        }
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;

    private static string List(IEnumerable<string> values) => values.Any() ? string.Join(", ", values) : "none";
}
