namespace KubeBind.Queues.Rest;

/// <summary>Adds the Authorization header to a request that already carries every other header.</summary>
internal interface IRequestAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
