using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace KubeBind.DevApiServer.Schema;

/// <summary>The string formats kube-apiserver checks for CRDs; every other format is stripped and ignored.</summary>
internal static partial class StringFormats
{
    // apiextensions' supported formats (names normalized by dropping dashes, as kube-openapi's registry does).
    private static readonly Dictionary<string, Func<string, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["bsonobjectid"] = IsBsonObjectId,
        ["uri"] = IsRequestUri,
        ["email"] = IsEmail,
        ["hostname"] = IsHostname,
        ["ipv4"] = value => IsIp(value) && value.Contains('.', StringComparison.Ordinal),
        ["ipv6"] = value => IsIp(value) && value.Contains(':', StringComparison.Ordinal),
        ["cidr"] = IsCidr,
        ["mac"] = IsMac,
        ["uuid"] = value => UuidRegex().IsMatch(value),
        ["uuid3"] = value => Uuid3Regex().IsMatch(value),
        ["uuid4"] = value => Uuid4Regex().IsMatch(value),
        ["uuid5"] = value => Uuid5Regex().IsMatch(value),
        ["isbn"] = value => IsIsbn10(value) || IsIsbn13(value),
        ["isbn10"] = IsIsbn10,
        ["isbn13"] = IsIsbn13,
        ["creditcard"] = IsCreditCard,
        ["ssn"] = value => value.Length == 11 && SsnRegex().IsMatch(value),
        ["hexcolor"] = value => HexColorRegex().IsMatch(value),
        ["rgbcolor"] = value => RgbColorRegex().IsMatch(value),
        ["byte"] = value => Base64Regex().IsMatch(value),
        ["password"] = _ => true,
        ["date"] = IsDate,
        ["datetime"] = IsDateTime,
        ["duration"] = IsDuration,
        ["k8sshortname"] = value => value.Length <= 63 && ShortNameRegex().IsMatch(value),
        ["k8slongname"] = value => value.Length <= 253 && LongNameRegex().IsMatch(value),
    };

    /// <summary>The normalized name of a supported format, or null when kube-apiserver would strip it.</summary>
    public static string? Normalize(string format)
    {
        var normalized = format.Replace("-", string.Empty, StringComparison.Ordinal);
        return Checks.ContainsKey(normalized) ? normalized : null;
    }

    /// <summary>Checks a string against a normalized supported format.</summary>
    public static bool IsValid(string normalizedFormat, string value) =>
        !Checks.TryGetValue(normalizedFormat, out var check) || check(value);

    private static bool IsBsonObjectId(string value) => value.Length == 24 && value.All(char.IsAsciiHexDigit);

    // url.ParseRequestURI: an absolute URI or an absolute path, no control characters, a sane host.
    private static bool IsRequestUri(string value)
    {
        if (value.Length == 0 || value.Any(c => c < 0x20 || c == 0x7f))
        {
            return false;
        }

        if (value == "*")
        {
            return true;
        }

        var rest = value;
        var scheme = SchemeRegex().Match(value);
        if (scheme.Success)
        {
            rest = value[scheme.Length..];
        }
        else if (value[0] == ':')
        {
            return false;
        }

        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        if (!rest.StartsWith('/'))
        {
            return scheme.Success;
        }

        if (scheme.Success && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authorityEnd = rest.IndexOf('/', 2);
            var authority = authorityEnd < 0 ? rest[2..] : rest[2..authorityEnd];
            var at = authority.LastIndexOf('@');
            var host = at >= 0 ? authority[(at + 1)..] : authority;
            if (!IsUriHost(host))
            {
                return false;
            }

            rest = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
        }

        return !BadEscapeRegex().IsMatch(rest);
    }

    private static bool IsUriHost(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            return close > 0 && IsValidPort(host[(close + 1)..]);
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !IsValidPort(host[colon..]))
        {
            return false;
        }

        return !host.Any(c => c is ' ' or '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`');
    }

    private static bool IsValidPort(string port) => port.Length == 0 || (port[0] == ':' && port.Skip(1).All(char.IsAsciiDigit));

    // net/mail.ParseAddress, reduced to its common shapes: addr-spec or "Display Name <addr-spec>".
    private static bool IsEmail(string value)
    {
        var address = value.Trim();
        var open = address.LastIndexOf('<');
        if (open >= 0)
        {
            if (!address.EndsWith('>'))
            {
                return false;
            }

            var display = address[..open].Trim();
            if (display.Length > 0 && !DisplayNameRegex().IsMatch(display))
            {
                return false;
            }

            address = address[(open + 1)..^1];
        }

        return AddrSpecRegex().IsMatch(address);
    }

    private static bool IsHostname(string value)
    {
        if (!HostnameRegex().IsMatch(value) || System.Text.Encoding.UTF8.GetByteCount(value) > 255)
        {
            return false;
        }

        return value.Split('.').All(label => System.Text.Encoding.UTF8.GetByteCount(label) <= 63);
    }

    // netutils.ParseIPSloppy: dotted quads may carry leading zeros; no zones, ports or brackets.
    private static bool IsIp(string value)
    {
        if (value.Contains(':', StringComparison.Ordinal))
        {
            if (value.IndexOfAny(['%', '[', ']', '/', ' ']) >= 0)
            {
                return false;
            }

            var lastColon = value.LastIndexOf(':');
            var tail = value[(lastColon + 1)..];
            if (tail.Contains('.', StringComparison.Ordinal) && !IsDottedQuad(tail))
            {
                return false;
            }

            return IPAddress.TryParse(NormalizeEmbeddedV4(value, lastColon, tail), out var address)
                && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        return IsDottedQuad(value);
    }

    private static string NormalizeEmbeddedV4(string value, int lastColon, string tail)
    {
        if (!tail.Contains('.', StringComparison.Ordinal))
        {
            return value;
        }

        var octets = tail.Split('.').Select(o => int.Parse(o, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        return value[..(lastColon + 1)] + string.Join('.', octets);
    }

    private static bool IsDottedQuad(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit)
            && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var address = value[..slash];
        var prefix = value[(slash + 1)..];
        if (prefix.Length == 0 || prefix.Length > 5 || !prefix.All(char.IsAsciiDigit) || !IsIp(address))
        {
            return false;
        }

        var bits = address.Contains(':', StringComparison.Ordinal) ? 128 : 32;
        return int.Parse(prefix, CultureInfo.InvariantCulture) <= bits;
    }

    // net.ParseMAC: 6, 8 or 20 octets as xx:xx / xx-xx groups, or xxxx.xxxx groups.
    private static bool IsMac(string value)
    {
        if (value.Length < 14)
        {
            return false;
        }

        if (value[2] is ':' or '-')
        {
            var separator = value[2];
            var groups = value.Split(separator);
            return groups.Length is 6 or 8 or 20 && groups.All(g => g.Length == 2 && g.All(char.IsAsciiHexDigit));
        }

        if (value[4] == '.')
        {
            var groups = value.Split('.');
            return groups.Length is 3 or 4 or 10 && groups.All(g => g.Length == 4 && g.All(char.IsAsciiHexDigit));
        }

        return false;
    }

    private static bool IsIsbn10(string value)
    {
        var sanitized = IsbnSeparatorRegex().Replace(value, string.Empty);
        if (!Isbn10Regex().IsMatch(sanitized))
        {
            return false;
        }

        var checksum = 0;
        for (var i = 0; i < 9; i++)
        {
            checksum += (i + 1) * (sanitized[i] - '0');
        }

        checksum += sanitized[9] == 'X' ? 100 : 10 * (sanitized[9] - '0');
        return checksum % 11 == 0;
    }

    private static bool IsIsbn13(string value)
    {
        var sanitized = IsbnSeparatorRegex().Replace(value, string.Empty);
        if (!Isbn13Regex().IsMatch(sanitized))
        {
            return false;
        }

        var checksum = 0;
        for (var i = 0; i < 12; i++)
        {
            checksum += (i % 2 == 0 ? 1 : 3) * (sanitized[i] - '0');
        }

        return (sanitized[12] - '0' - ((10 - (checksum % 10)) % 10)) == 0;
    }

    // govalidator.IsCreditCard: known issuer prefixes plus the Luhn checksum.
    private static bool IsCreditCard(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (!CreditCardRegex().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    // time.Parse("2006-01-02"): exactly four-two-two digits and a real calendar day.
    private static bool IsDate(string value) =>
        DateRegex().IsMatch(value) && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // strfmt.IsDateTime: a date, a 't' separator, then hh:mm:ss[.frac] and 'z' or an offset (case-insensitive).
    private static bool IsDateTime(string value)
    {
        if (value.Length < 4)
        {
            return false;
        }

        var parts = value.ToLowerInvariant().Split('t');
        if (parts.Length < 2 || !IsDate(parts[0]))
        {
            return false;
        }

        var match = TimeRegex().Match(parts[1]);
        return match.Success
            && string.CompareOrdinal(match.Groups[1].Value, "23") <= 0
            && string.CompareOrdinal(match.Groups[2].Value, "59") <= 0
            && string.CompareOrdinal(match.Groups[3].Value, "59") <= 0;
    }

    // strfmt.ParseDuration: Go's time.ParseDuration, else "<n> <unit>" groups with units like d, day, w, week.
    private static bool IsDuration(string value)
    {
        if (GoDurationRegex().IsMatch(value))
        {
            return true;
        }

        if (!DurationValidatorRegex().IsMatch(value))
        {
            return false;
        }

        foreach (Match match in DurationMatcherRegex().Matches(value))
        {
            if (!int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            if (IsDurationUnit(match.Groups[3].Value.Trim().ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[][] DurationUnits =
    [
        ["ns", "nano"],
        ["us", "µs", "micro"],
        ["ms", "milli"],
        ["s", "sec"],
        ["m", "min"],
        ["h", "hr", "hour"],
        ["d", "day"],
        ["w", "wk", "week"],
    ];

    private static bool IsDurationUnit(string unit)
    {
        foreach (var variants in DurationUnits)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                var last = i == variants.Length - 1;
                if ((last && unit.StartsWith(variants[i], StringComparison.Ordinal)) || string.Equals(variants[i], unit, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeRegex();

    [GeneratedRegex("%(?![0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex BadEscapeRegex();

    [GeneratedRegex(@"^(?:[^<>""]+|""(?:[^""\\]|\\.)*"")$", RegexOptions.CultureInvariant)]
    private static partial Regex DisplayNameRegex();

    [GeneratedRegex(@"^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*|""(?:[^""\\\r\n]|\\.)*"")@(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*|\[[^\[\]\\\r\n]*\])$", RegexOptions.CultureInvariant)]
    private static partial Regex AddrSpecRegex();

    [GeneratedRegex(@"^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z0-9\p{S}\p{L}])(-?[a-zA-Z0-9\p{S}\p{L}]){1,62})\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostnameRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?3[0-9a-fA-F]{3}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid3Regex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?4[0-9a-fA-F]{3}-?[89abAB][0-9a-fA-F]{3}-?[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid4Regex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?5[0-9a-fA-F]{3}-?[89abAB][0-9a-fA-F]{3}-?[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid5Regex();

    [GeneratedRegex(@"[\s-]+", RegexOptions.CultureInvariant)]
    private static partial Regex IsbnSeparatorRegex();

    [GeneratedRegex("^(?:[0-9]{9}X|[0-9]{10})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Isbn10Regex();

    [GeneratedRegex("^[0-9]{13}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Isbn13Regex();

    [GeneratedRegex("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11}|6[27][0-9]{14})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CreditCardRegex();

    [GeneratedRegex("^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SsnRegex();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexColorRegex();

    [GeneratedRegex(@"^rgb\(\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*\)\z", RegexOptions.CultureInvariant)]
    private static partial Regex RgbColorRegex();

    [GeneratedRegex("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Regex();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"^[-+]?(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoDurationRegex();

    [GeneratedRegex(@"^\s*(?:[0-9]+\s*[A-Za-zµ]+\s*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationValidatorRegex();

    [GeneratedRegex(@"(([0-9]+)\s*([A-Za-zµ]+))", RegexOptions.CultureInvariant)]
    private static partial Regex DurationMatcherRegex();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ShortNameRegex();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LongNameRegex();
}
