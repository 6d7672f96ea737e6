using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeBind.DevApiServer.Resources;

/// <summary>
/// Kubernetes version priority: GA before beta before alpha, higher numbers first, non-Kubernetes-style
/// versions last in alphabetical order (the order discovery lists versions, the first being preferred).
/// </summary>
internal static partial class VersionPriority
{
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    private static int Compare(string a, string b)
    {
        var (ka, kb) = (Key(a), Key(b));
        if (ka.Kind != kb.Kind)
        {
            return ka.Kind.CompareTo(kb.Kind);
        }

        if (ka.Kind == 3)
        {
            return string.CompareOrdinal(a, b);
        }

        if (ka.Major != kb.Major)
        {
            return kb.Major.CompareTo(ka.Major);
        }

        return kb.Minor.CompareTo(ka.Minor);
    }

    private static (int Kind, int Major, int Minor) Key(string version)
    {
        var m = KubeVersion().Match(version);
        if (!m.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        var kind = m.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        return (kind, major, minor);
    }

    [GeneratedRegex("^v([1-9][0-9]{0,8})(?:(alpha|beta)([1-9][0-9]{0,8}))?$")]
    private static partial Regex KubeVersion();
}
