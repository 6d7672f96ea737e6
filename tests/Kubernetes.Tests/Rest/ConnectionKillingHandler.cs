namespace KubeBind.Kubernetes.Tests.Rest;

/// <summary>Fault injection: the first <paramref name="kills"/> watch streams break with an IOException after <paramref name="linesBeforeKill"/> events.</summary>
internal sealed class ConnectionKillingHandler(HttpMessageHandler inner, int linesBeforeKill, int kills) : DelegatingHandler(inner)
{
    private int _remaining = kills;

    public int WatchRequests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal))
        {
            WatchRequests++;
            if (Interlocked.Decrement(ref _remaining) >= 0)
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var original = response.Content;
                response.Content = new StreamContent(new KillingStream(stream, linesBeforeKill));
                foreach (var header in original.Headers)
                {
                    response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        return response;
    }

    private sealed class KillingStream(Stream inner, int lines) : Stream
    {
        private int _lines = lines;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_lines <= 0)
            {
                inner.Dispose();
                throw new IOException("connection reset (injected)");
            }

            // Hand out one byte at a time so the cut lands exactly after the Nth line.
            var read = await inner.ReadAsync(buffer[..1], cancellationToken);
            if (read == 1 && buffer.Span[0] == (byte)'\n')
            {
                _lines--;
            }

            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
