using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeBind.Kubernetes.Config;

/// <summary>Kubeconfig YAML to and from the model, by hand over YamlDotNet's node model so it stays AOT-safe.</summary>
internal static partial class KubeconfigYaml
{
    public static Kubeconfig Parse(string yaml, string? path)
    {
        var root = LoadRoot(yaml, path);
        if (root is null)
        {
            return new Kubeconfig();
        }

        return new Kubeconfig
        {
            CurrentContext = Scalar(root, "current-context", "current-context", path),
            Clusters = Entries(root, "clusters", "cluster", path, (node, field) => ParseCluster(node, field, path))
                .Select(e => new NamedCluster(e.Name, e.Value)).ToList(),
            Users = Entries(root, "users", "user", path, (node, field) => ParseUser(node, field, path))
                .Select(e => new NamedUser(e.Name, e.Value)).ToList(),
            Contexts = Entries(root, "contexts", "context", path, (node, field) => ParseContext(node, field, path))
                .Select(e => new NamedContext(e.Name, e.Value)).ToList(),
        };
    }

    public static string Serialize(Kubeconfig config)
    {
        var root = new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "clusters", new YamlSequenceNode(config.Clusters.Select(c => Entry(c.Name, "cluster", ClusterNode(c.Cluster)))) },
            { "contexts", new YamlSequenceNode(config.Contexts.Select(c => Entry(c.Name, "context", ContextNode(c.Context)))) },
            { "current-context", Str(config.CurrentContext ?? string.Empty) },
            { "kind", "Config" },
            { "preferences", new YamlMappingNode() },
            { "users", new YamlSequenceNode(config.Users.Select(u => Entry(u.Name, "user", UserNode(u.User)))) },
        };
        return Write(root);
    }

    public static string MergeEntries(string? existing, string path, NamedCluster? cluster, NamedUser? user, NamedContext? context, string? currentContext)
    {
        var root = existing is null ? null : LoadRoot(existing, path);
        root ??= new YamlMappingNode { { "apiVersion", "v1" }, { "kind", "Config" }, { "preferences", new YamlMappingNode() } };
        if (cluster is not null)
        {
            Upsert(root, "clusters", Entry(cluster.Name, "cluster", ClusterNode(cluster.Cluster)), cluster.Name);
        }

        if (user is not null)
        {
            Upsert(root, "users", Entry(user.Name, "user", UserNode(user.User)), user.Name);
        }

        if (context is not null)
        {
            Upsert(root, "contexts", Entry(context.Name, "context", ContextNode(context.Context)), context.Name);
        }

        if (currentContext is not null)
        {
            root.Children[new YamlScalarNode("current-context")] = Str(currentContext);
        }

        return Write(root);
    }

    private static YamlMappingNode? LoadRoot(string yaml, string? path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new KubeconfigException(path, null, null, $"is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            return null;
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new KubeconfigException(path, null, null, "is not a YAML mapping");
    }

    private static KubeconfigCluster ParseCluster(YamlMappingNode node, string field, string? path) => new()
    {
        Server = Scalar(node, "server", field, path),
        CertificateAuthority = Scalar(node, "certificate-authority", field, path),
        CertificateAuthorityData = Scalar(node, "certificate-authority-data", field, path),
        InsecureSkipTlsVerify = Bool(node, "insecure-skip-tls-verify", field, path),
        TlsServerName = Scalar(node, "tls-server-name", field, path),
        ProxyUrl = Scalar(node, "proxy-url", field, path),
    };

    private static KubeconfigContext ParseContext(YamlMappingNode node, string field, string? path) => new()
    {
        Cluster = Scalar(node, "cluster", field, path),
        User = Scalar(node, "user", field, path),
        Namespace = Scalar(node, "namespace", field, path),
    };

    private static KubeconfigUser ParseUser(YamlMappingNode node, string field, string? path) => new()
    {
        Token = Scalar(node, "token", field, path),
        TokenFile = Scalar(node, "tokenFile", field, path),
        ClientCertificate = Scalar(node, "client-certificate", field, path),
        ClientCertificateData = Scalar(node, "client-certificate-data", field, path),
        ClientKey = Scalar(node, "client-key", field, path),
        ClientKeyData = Scalar(node, "client-key-data", field, path),
        Username = Scalar(node, "username", field, path),
        Password = Scalar(node, "password", field, path),
        Exec = Mapping(node, "exec", field, path) is { } exec ? ParseExec(exec, $"{field}.exec", path) : null,
        AuthProvider = Mapping(node, "auth-provider", field, path) is { } provider ? Scalar(provider, "name", $"{field}.auth-provider", path) ?? string.Empty : null,
    };

    private static KubeconfigExec ParseExec(YamlMappingNode node, string field, string? path) => new()
    {
        ApiVersion = Scalar(node, "apiVersion", field, path),
        Command = Scalar(node, "command", field, path),
        Args = Sequence(node, "args", field, path).Select((item, i) => item is YamlScalarNode s ? s.Value ?? string.Empty
            : throw new KubeconfigException(path, null, $"{field}.args[{i}]", $"{field}.args[{i}] must be a string")).ToList(),
        Env = Sequence(node, "env", field, path).Select((item, i) => item is YamlMappingNode env
            ? new KubeconfigExecEnv(
                Scalar(env, "name", $"{field}.env[{i}]", path) ?? throw new KubeconfigException(path, null, $"{field}.env[{i}].name", $"{field}.env[{i}] has no name"),
                Scalar(env, "value", $"{field}.env[{i}]", path) ?? string.Empty)
            : throw new KubeconfigException(path, null, $"{field}.env[{i}]", $"{field}.env[{i}] must be a mapping")).ToList(),
        InstallHint = Scalar(node, "installHint", field, path),
        ProvideClusterInfo = Bool(node, "provideClusterInfo", field, path),
        InteractiveMode = Scalar(node, "interactiveMode", field, path),
    };

    private static List<(string Name, T Value)> Entries<T>(YamlMappingNode root, string list, string inner, string? path, Func<YamlMappingNode, string, T> parse)
    {
        var entries = new List<(string, T)>();
        var index = 0;
        foreach (var item in Sequence(root, list, list, path))
        {
            var at = $"{list}[{index++}]";
            if (item is not YamlMappingNode mapping)
            {
                throw new KubeconfigException(path, null, at, $"{at} must be a mapping");
            }

            var name = Scalar(mapping, "name", at, path);
            if (string.IsNullOrEmpty(name))
            {
                throw new KubeconfigException(path, null, $"{at}.name", $"{at} has no name");
            }

            var body = Mapping(mapping, inner, $"{list}[{name}]", path) ?? new YamlMappingNode();
            entries.Add((name, parse(body, $"{list}[{name}].{inner}")));
        }

        return entries;
    }

    private static string? Scalar(YamlMappingNode node, string key, string field, string? path) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) switch
        {
            false => null,
            true when value is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
            true when value is YamlScalarNode scalar => scalar.Value,
            _ => throw new KubeconfigException(path, null, $"{field}.{key}", $"{field}.{key} must be a string"),
        };

    private static bool Bool(YamlMappingNode node, string key, string field, string? path) =>
        Scalar(node, key, field, path) switch
        {
            null => false,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new KubeconfigException(path, null, $"{field}.{key}", $"{field}.{key} must be true or false, not \"{text}\""),
        };

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key, string field, string? path) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) switch
        {
            false => null,
            true when value is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
            true when value is YamlMappingNode mapping => mapping,
            _ => throw new KubeconfigException(path, null, $"{field}.{key}", $"{field}.{key} must be a mapping"),
        };

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key, string field, string? path) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) switch
        {
            false => [],
            true when value is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => [],
            true when value is YamlSequenceNode sequence => sequence.Children,
            _ => throw new KubeconfigException(path, null, field == key ? key : $"{field}.{key}", $"{(field == key ? key : $"{field}.{key}")} must be a list"),
        };

    private static void Upsert(YamlMappingNode root, string list, YamlMappingNode entry, string name)
    {
        var key = new YamlScalarNode(list);
        if (!root.Children.TryGetValue(key, out var node) || node is not YamlSequenceNode sequence)
        {
            sequence = [];
            root.Children[key] = sequence;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode item && item.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: var existing } && existing == name)
            {
                sequence.Children[i] = entry;
                return;
            }
        }

        sequence.Add(entry);
    }

    private static YamlMappingNode Entry(string name, string inner, YamlMappingNode body) =>
        new() { { inner, body }, { "name", Str(name) } };

    private static YamlMappingNode ClusterNode(KubeconfigCluster cluster)
    {
        var node = new YamlMappingNode();
        Add(node, "certificate-authority", cluster.CertificateAuthority);
        Add(node, "certificate-authority-data", cluster.CertificateAuthorityData);
        if (cluster.InsecureSkipTlsVerify)
        {
            node.Add("insecure-skip-tls-verify", "true");
        }

        Add(node, "proxy-url", cluster.ProxyUrl);
        Add(node, "server", cluster.Server);
        Add(node, "tls-server-name", cluster.TlsServerName);
        return node;
    }

    private static YamlMappingNode ContextNode(KubeconfigContext context)
    {
        var node = new YamlMappingNode();
        Add(node, "cluster", context.Cluster);
        Add(node, "namespace", context.Namespace);
        Add(node, "user", context.User);
        return node;
    }

    private static YamlMappingNode UserNode(KubeconfigUser user)
    {
        var node = new YamlMappingNode();
        Add(node, "client-certificate", user.ClientCertificate);
        Add(node, "client-certificate-data", user.ClientCertificateData);
        Add(node, "client-key", user.ClientKey);
        Add(node, "client-key-data", user.ClientKeyData);
        if (user.Exec is { } exec)
        {
            var execNode = new YamlMappingNode();
            Add(execNode, "apiVersion", exec.ApiVersion);
            if (exec.Args.Count > 0)
            {
                execNode.Add("args", new YamlSequenceNode(exec.Args.Select(Str)));
            }

            Add(execNode, "command", exec.Command);
            if (exec.Env.Count > 0)
            {
                execNode.Add("env", new YamlSequenceNode(exec.Env.Select(e => new YamlMappingNode { { "name", Str(e.Name) }, { "value", Str(e.Value) } })));
            }

            Add(execNode, "installHint", exec.InstallHint);
            Add(execNode, "interactiveMode", exec.InteractiveMode);
            if (exec.ProvideClusterInfo)
            {
                execNode.Add("provideClusterInfo", "true");
            }

            node.Add("exec", execNode);
        }

        Add(node, "password", user.Password);
        Add(node, "token", user.Token);
        Add(node, "tokenFile", user.TokenFile);
        Add(node, "username", user.Username);
        return node;
    }

    private static void Add(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, Str(value));
        }
    }

    // Plain only when no YAML 1.1 reader (kubectl's included) could take the text for a bool, number or null.
    private static YamlScalarNode Str(string value) =>
        SafePlain().IsMatch(value) && !Ambiguous.Contains(value) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? new YamlScalarNode(value)
            : new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted };

    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "yes", "no", "on", "off", "y", "n", "null" };

    [GeneratedRegex("^[A-Za-z0-9_/][A-Za-z0-9_./:@+=-]*$")]
    private static partial Regex SafePlain();

    private static string Write(YamlMappingNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
