using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeBind.Queues.Listening;

/// <summary>
/// Runs a handler for each message of one queue with the Azure Functions queue trigger's semantics: batches run
/// concurrently and stay hidden while in flight, success deletes, failure retries after the visibility timeout, the
/// last failing try moves the message to <c>&lt;queue&gt;-poison</c>, an idle queue is polled with exponential backoff,
/// and shutdown hands unfinished messages back to other instances.
/// </summary>
public sealed class QueueListener
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly QueueMessageHandler _handler;
    private readonly QueueListenerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly QueueListenerMetrics _metrics;

    /// <summary>A listener on <paramref name="queueName"/> of <paramref name="service"/>; nothing happens until <see cref="RunAsync"/>.</summary>
    public QueueListener(
        QueueServiceClient service,
        string queueName,
        QueueMessageHandler handler,
        QueueListenerOptions? options = null,
        ILogger<QueueListener>? logger = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(handler);
        _options = options ?? new QueueListenerOptions();
        _options.Validate();
        _queue = service.GetQueueClient(queueName, _options.MessageEncoding);
        _poison = service.GetQueueClient($"{queueName}-poison", _options.MessageEncoding);
        _handler = handler;
        _logger = logger ?? NullLogger<QueueListener>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new QueueListenerMetrics(meterFactory, queueName);
    }

    /// <summary>The queue this listener takes messages from.</summary>
    public string QueueName => _queue.Name;

    /// <summary>Where messages go after their last failing try: <c>&lt;queue&gt;-poison</c>.</summary>
    public string PoisonQueueName => _poison.Name;

    /// <summary>
    /// Creates the queue if missing, then polls and handles messages until <paramref name="stoppingToken"/> fires;
    /// then stops fetching, waits up to the grace period for running handlers and releases the rest. Throws only when
    /// the queue cannot be created for a reason that waiting will not fix (a wrong key, say).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!await EnsureQueueAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        QueueListenerLog.Started(_logger, QueueName, _options.BatchSize, _options.EffectiveNewBatchThreshold, _options.MaxDequeueCount);
        using var handlerStop = new CancellationTokenSource();
        var processing = new List<Task>();
        var stopped = Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Like the host: fetch again only when the running batch has shrunk to the threshold.
            processing.RemoveAll(t => t.IsCompleted);
            if (processing.Count > _options.EffectiveNewBatchThreshold)
            {
                await Task.WhenAny([.. processing, stopped]).ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<QueueMessage> batch;
            try
            {
                // Not cut short by stoppingToken: a receive aborted mid-way could hide messages for the in-flight visibility.
                batch = await _queue.ReceiveMessagesAsync(_options.BatchSize, _options.InFlightVisibility, CancellationToken.None).ConfigureAwait(false);
            }
            catch (QueueStorageException e)
            {
                backoff = NextBackoff(backoff);
                QueueListenerLog.StorageUnavailable(_logger, e, QueueName, backoff);
                if (e.IsQueueNotFound)
                {
                    await TryCreateQueueAsync().ConfigureAwait(false);
                }

                await PauseAsync(backoff, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(batch).ConfigureAwait(false);
                break;
            }

            if (batch.Count == 0)
            {
                backoff = NextBackoff(backoff);
                QueueListenerLog.Idle(_logger, QueueName, backoff);
                await PauseAsync(backoff, stoppingToken).ConfigureAwait(false);
                continue;
            }

            backoff = TimeSpan.Zero;
            foreach (var message in batch)
            {
                processing.Add(Task.Run(() => ProcessAsync(message, handlerStop.Token), CancellationToken.None));
            }
        }

        await ShutdownAsync(processing, handlerStop).ConfigureAwait(false);
    }

    private async Task<bool> EnsureQueueAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await _queue.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false))
                {
                    QueueListenerLog.QueueCreated(_logger, QueueName);
                }

                return true;
            }
            catch (QueueStorageException e) when (e.IsTransient)
            {
                backoff = NextBackoff(backoff);
                QueueListenerLog.StorageUnavailable(_logger, e, QueueName, backoff);
                await PauseAsync(backoff, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return false;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken handlerStop)
    {
        try
        {
            if (message.DecodingFailed)
            {
                // The host moves messages it cannot decode to the poison queue too.
                QueueListenerLog.Undecodable(_logger, message.MessageId, QueueName, _options.MessageEncoding, PoisonQueueName);
                await PoisonAsync(message, message.PopReceipt).ConfigureAwait(false);
                return;
            }

            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                // Received often enough without being settled (crashes, say): the host poisons it without another try.
                QueueListenerLog.PoisonedUnrun(_logger, message.MessageId, QueueName, message.DequeueCount, _options.MaxDequeueCount, PoisonQueueName);
                await PoisonAsync(message, message.PopReceipt).ConfigureAwait(false);
                return;
            }

            var run = await RunHandlerAsync(message, handlerStop).ConfigureAwait(false);
            if (run.Abandoned)
            {
                await _queue.UpdateMessageAsync(message.MessageId, run.PopReceipt, TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                QueueListenerLog.Released(_logger, message.MessageId, QueueName);
            }
            else if (run.Error is not null)
            {
                _metrics.Failed();
                QueueListenerLog.HandlerFailed(_logger, run.Error, message.MessageId, QueueName, message.DequeueCount, _options.MaxDequeueCount);
                if (message.DequeueCount >= _options.MaxDequeueCount)
                {
                    await PoisonAsync(message, run.PopReceipt).ConfigureAwait(false);
                    QueueListenerLog.Poisoned(_logger, message.MessageId, QueueName, PoisonQueueName, message.DequeueCount);
                }
                else
                {
                    await _queue.UpdateMessageAsync(message.MessageId, run.PopReceipt, _options.VisibilityTimeout, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
            }
            else
            {
                _metrics.Processed();
                if (run.Outcome!.RequeueDelay is { } delay)
                {
                    // Put the copy before deleting the original: a crash in between duplicates, never loses.
                    var copy = await _queue.SendWireTextAsync(message.WireText, delay, CancellationToken.None).ConfigureAwait(false);
                    await _queue.DeleteMessageAsync(message.MessageId, run.PopReceipt, CancellationToken.None).ConfigureAwait(false);
                    QueueListenerLog.Requeued(_logger, message.MessageId, QueueName, copy.MessageId, delay);
                }
                else
                {
                    await _queue.DeleteMessageAsync(message.MessageId, run.PopReceipt, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
#pragma warning disable CA1031 // A message that cannot be settled reappears after its visibility ends; the loop must go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            QueueListenerLog.SettleFailed(_logger, e, message.MessageId, QueueName);
        }
    }

    /// <summary>Runs the handler, renewing the message's visibility at half the in-flight visibility until it ends or shutdown abandons it.</summary>
    private async Task<HandlerRun> RunHandlerAsync(QueueMessage message, CancellationToken handlerStop)
    {
        var popReceipt = message.PopReceipt;
        var handling = Task.Run(() => _handler(message, handlerStop), CancellationToken.None);
        using (var watch = CancellationTokenSource.CreateLinkedTokenSource(handlerStop))
        {
            try
            {
                var abandon = Task.Delay(Timeout.InfiniteTimeSpan, watch.Token);
                while (!handling.IsCompleted)
                {
                    var renewDue = Task.Delay(_options.InFlightVisibility / 2, _time, watch.Token);
                    var first = await Task.WhenAny(handling, renewDue, abandon).ConfigureAwait(false);
                    if (first == abandon && !handling.IsCompleted)
                    {
                        // Errors of an abandoned handler are observed here, and nowhere else.
                        _ = handling.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                        return new HandlerRun(null, null, popReceipt, Abandoned: true);
                    }

                    if (first == renewDue)
                    {
                        popReceipt = await RenewAsync(message, popReceipt).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                await watch.CancelAsync().ConfigureAwait(false); // ends the pending delays
            }
        }

        try
        {
            return new HandlerRun(await handling.ConfigureAwait(false), null, popReceipt, Abandoned: false);
        }
        catch (OperationCanceledException) when (handlerStop.IsCancellationRequested)
        {
            return new HandlerRun(null, null, popReceipt, Abandoned: true);
        }
#pragma warning disable CA1031 // Any handler failure is a failed try, as in the Functions host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new HandlerRun(null, e, popReceipt, Abandoned: false);
        }
    }

    private async Task<string> RenewAsync(QueueMessage message, string popReceipt)
    {
        try
        {
            var receipt = await _queue.UpdateMessageAsync(message.MessageId, popReceipt, _options.InFlightVisibility, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            QueueListenerLog.Renewed(_logger, message.MessageId, QueueName, receipt.NextVisibleOn);
            return receipt.PopReceipt;
        }
        catch (QueueStorageException e)
        {
            QueueListenerLog.RenewFailed(_logger, e, message.MessageId, QueueName);
            return popReceipt;
        }
    }

    private async Task PoisonAsync(QueueMessage message, string popReceipt)
    {
        await _poison.CreatingQueueAsync(() => _poison.SendWireTextAsync(message.WireText, null, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);

        await _queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None).ConfigureAwait(false);
        _metrics.Poisoned();
    }

    private async Task ShutdownAsync(List<Task> processing, CancellationTokenSource handlerStop)
    {
        processing.RemoveAll(t => t.IsCompleted);
        if (processing.Count > 0)
        {
            QueueListenerLog.Stopping(_logger, QueueName, _options.ShutdownGracePeriod, processing.Count);
            var all = Task.WhenAll(processing);
            try
            {
                await all.WaitAsync(_options.ShutdownGracePeriod, _time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Handlers see their token fire; their messages are made visible at once for another instance.
                await handlerStop.CancelAsync().ConfigureAwait(false);
                await all.ConfigureAwait(false);
            }
        }

        QueueListenerLog.Stopped(_logger, QueueName);
    }

    private async Task ReleaseAsync(IEnumerable<QueueMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (QueueStorageException e)
            {
                QueueListenerLog.SettleFailed(_logger, e, message.MessageId, QueueName);
            }
        }
    }

    private async Task TryCreateQueueAsync()
    {
        try
        {
            if (await _queue.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false))
            {
                QueueListenerLog.QueueCreated(_logger, QueueName);
            }
        }
        catch (QueueStorageException)
        {
            // The next poll fails and logs again.
        }
    }

    private TimeSpan NextBackoff(TimeSpan current)
    {
        if (current == TimeSpan.Zero)
        {
            return _options.MinPollingInterval;
        }

        // Doubling with jitter, as the host's randomized exponential backoff, so idle instances do not poll in step.
        var next = current.TotalMilliseconds * 2 * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(next, _options.MaxPollingInterval.TotalMilliseconds));
    }

    private async Task PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop checks the token.
        }
    }

    private sealed record HandlerRun(QueueHandlerOutcome? Outcome, Exception? Error, string PopReceipt, bool Abandoned);
}
