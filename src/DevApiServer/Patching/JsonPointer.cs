namespace KubeBind.DevApiServer.Patching;

/// <summary>RFC 6901 JSON pointers as used by JSON patch.</summary>
internal static class JsonPointer
{
    /// <summary>Splits a pointer into unescaped reference tokens; the empty pointer is the whole document.</summary>
    public static bool TryParse(string pointer, out string[] tokens)
    {
        tokens = [];
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryUnescape(parts[i], out var token))
            {
                return false;
            }

            parts[i] = token;
        }

        tokens = parts;
        return true;
    }

    /// <summary>Reads an array index token: digits without leading zeros, below <paramref name="exclusiveLimit"/>.</summary>
    public static bool TryParseIndex(string token, int exclusiveLimit, out int index)
    {
        index = -1;
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        var value = 0;
        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (value >= exclusiveLimit)
        {
            return false;
        }

        index = value;
        return true;
    }

    private static bool TryUnescape(string part, out string token)
    {
        token = part;
        if (!part.Contains('~', StringComparison.Ordinal))
        {
            return true;
        }

        var builder = new System.Text.StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '~')
            {
                builder.Append(part[i]);
                continue;
            }

            // ~1 becomes '/' and ~0 becomes '~'; decoding left to right keeps "~01" as "~1" (RFC 6901 section 4).
            var next = i + 1 < part.Length ? part[i + 1] : '\0';
            if (next is not ('0' or '1'))
            {
                return false;
            }

            builder.Append(next == '0' ? '~' : '/');
            i++;
        }

        token = builder.ToString();
        return true;
    }
}
