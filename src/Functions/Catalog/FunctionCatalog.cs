using System.Text.RegularExpressions;
using KubeBind.Functions.ExportRequests;
using KubeBind.Functions.Health;

namespace KubeBind.Functions.Catalog;

/// <summary>
/// The one list of the app's functions. Both hosts serve it, and <c>dotnet publish</c> writes each entry's
/// <c>function.json</c> from it, so adding a function is one line here plus its handler class.
/// </summary>
internal sealed partial class FunctionCatalog
{
    private static readonly HashSet<string> KnownMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    private readonly Dictionary<string, FunctionDefinition> _byName;

    public FunctionCatalog(IEnumerable<FunctionDefinition> functions)
    {
        Functions = [.. functions];
        _byName = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        var routes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in Functions)
        {
            Validate(function, routes);
            if (!_byName.TryAdd(function.Name, function))
            {
                throw new ArgumentException($"The function catalog names '{function.Name}' twice; names are folders of the function app and must be unique ignoring case.", nameof(functions));
            }
        }
    }

    /// <summary>The app's functions.</summary>
    public static FunctionCatalog Default { get; } = new(
    [
        FunctionDefinition.Http<HealthHandler>("Health", "healthz", ["GET"]),
        FunctionDefinition.Queue<ExportRequestHandler>(ExportRequestsFunction.Name, ExportRequestsFunction.QueueName),
    ]);

    public IReadOnlyList<FunctionDefinition> Functions { get; }

    public IEnumerable<FunctionDefinition> QueueFunctions => Functions.Where(f => f.Trigger is QueueTrigger);

    public IEnumerable<FunctionDefinition> HttpFunctions => Functions.Where(f => f.Trigger is HttpTrigger);

    /// <summary>Finds a function by name, ignoring case as the Functions host does.</summary>
    public FunctionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>This catalog with more functions (tests add their own handlers this way).</summary>
    public FunctionCatalog With(params FunctionDefinition[] functions) => new([.. Functions, .. functions]);

    private static void Validate(FunctionDefinition function, HashSet<string> routes)
    {
        if (!FunctionName().IsMatch(function.Name))
        {
            throw new ArgumentException($"Function name '{function.Name}' is invalid: the Functions host wants a letter, then up to 127 letters, digits, '_' or '-'.");
        }

        var handler = function.HandlerType;
        if (!handler.IsClass || handler.IsAbstract || !function.Trigger.HandlerInterface.IsAssignableFrom(handler))
        {
            throw new ArgumentException($"Function '{function.Name}': handler {handler.Name} must be a concrete class implementing {function.Trigger.HandlerInterface.Name}.");
        }

        switch (function.Trigger)
        {
            case QueueTrigger queue when !QueueName().IsMatch(queue.QueueName) || queue.QueueName.Contains("--", StringComparison.Ordinal):
                throw new ArgumentException($"Function '{function.Name}': '{queue.QueueName}' is not a Storage queue name (3-63 lower-case letters, digits and single dashes, starting and ending with a letter or digit).");
            case HttpTrigger http:
                if (http.Route.Length == 0 || http.Route.StartsWith('/'))
                {
                    throw new ArgumentException($"Function '{function.Name}': route '{http.Route}' must be non-empty and relative (it is served below /{HttpTrigger.RoutePrefix}/).");
                }

                if (http.Methods.Count == 0 || http.Methods.Any(m => !KnownMethods.Contains(m)))
                {
                    throw new ArgumentException($"Function '{function.Name}': methods [{string.Join(", ", http.Methods)}] must be a non-empty list of {string.Join(", ", KnownMethods)}.");
                }

                foreach (var method in http.Methods)
                {
                    if (!routes.Add($"{method} {http.Route}"))
                    {
                        throw new ArgumentException($"Function '{function.Name}': {method} /{HttpTrigger.RoutePrefix}/{http.Route} is already served by another function.");
                    }
                }

                break;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
