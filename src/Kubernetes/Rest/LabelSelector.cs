using System.Text.RegularExpressions;

namespace KubeBind.Kubernetes.Rest;

/// <summary>
/// Builds label selector strings for <see cref="ListOptions.LabelSelector"/>:
/// <c>LabelSelector.Empty.Equal("app", "web").In("env", "prod", "dev").Exists("tier").ToString()</c>
/// gives <c>app=web,env in (dev,prod),tier</c>. Keys and values are validated, so a bad one fails here, not on the server.
/// </summary>
public sealed partial record LabelSelector
{
    private readonly IReadOnlyList<string> _requirements;

    private LabelSelector(IReadOnlyList<string> requirements) => _requirements = requirements;

    public static LabelSelector Empty { get; } = new([]);

    public LabelSelector Equal(string key, string value) => With($"{Key(key)}={Value(value)}");

    public LabelSelector NotEqual(string key, string value) => With($"{Key(key)}!={Value(value)}");

    public LabelSelector In(string key, params string[] values) => With($"{Key(key)} in ({Values(values)})");

    public LabelSelector NotIn(string key, params string[] values) => With($"{Key(key)} notin ({Values(values)})");

    public LabelSelector Exists(string key) => With(Key(key));

    public LabelSelector DoesNotExist(string key) => With($"!{Key(key)}");

    /// <summary>All of <paramref name="labels"/> as equality requirements, in key order.</summary>
    public static LabelSelector FromLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.OrderBy(l => l.Key, StringComparer.Ordinal).Aggregate(Empty, (selector, label) => selector.Equal(label.Key, label.Value));

    public override string ToString() => string.Join(',', _requirements);

    private LabelSelector With(string requirement) => new([.. _requirements, requirement]);

    private static string Key(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (name.Length is 0 or > 63 || !NamePart().IsMatch(name) || (slash >= 0 && (slash == 0 || slash > 253 || !Prefix().IsMatch(key[..slash]))))
        {
            throw new ArgumentException($"'{key}' is not a valid label key", nameof(key));
        }

        return key;
    }

    private static string Value(string value) =>
        value.Length <= 63 && LabelValue().IsMatch(value) ? value : throw new ArgumentException($"'{value}' is not a valid label value", nameof(value));

    private static string Values(string[] values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("a set requirement needs at least one value", nameof(values));
        }

        return string.Join(',', values.Select(Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex NamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Prefix();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
