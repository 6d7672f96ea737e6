using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KubeBind.Queues.Tests;

/// <summary>A logger that keeps every entry, so tests can wait on what the code under test reports.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception, values.ToDictionary(v => v.Key, v => v.Value)));
    }

    public int Count(int eventId) => _entries.Count(e => e.EventId == eventId);
}

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values);
