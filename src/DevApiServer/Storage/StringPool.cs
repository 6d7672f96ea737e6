namespace KubeBind.DevApiServer.Storage;

/// <summary>Interns the strings that repeat across stored objects (namespaces, label keys and values). Not thread-safe: used under the store lock.</summary>
internal sealed class StringPool
{
    private const int MaxInternedLength = 128;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (value.Length > MaxInternedLength)
        {
            return value;
        }

        if (_strings.TryGetValue(value, out var existing))
        {
            return existing;
        }

        _strings.Add(value);
        return value;
    }
}
