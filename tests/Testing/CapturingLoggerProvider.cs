using System.Collections.Concurrent;

using Microsoft.Extensions.Logging;

namespace KubeBind.Testing;

/// <summary>Keeps every log line with the scopes around it, so tests can assert what an invocation logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<IReadOnlyDictionary<string, object?>>();
            provider._scopes.ForEachScope(
                (scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.Add(pairs.ToDictionary(p => p.Key, p => p.Value));
                    }
                },
                scopes);
            provider.Logs.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), exception, scopes));
        }
    }
}

/// <summary>One captured log line.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, Exception? Exception, IReadOnlyList<IReadOnlyDictionary<string, object?>> Scopes)
{
    /// <summary>The value of <paramref name="key"/> in the innermost scope that has it.</summary>
    public object? Scope(string key) => Scopes.LastOrDefault(s => s.ContainsKey(key))?[key];
}
