namespace KubeBind.Functions.Catalog;

/// <summary>
/// An HTTP-triggered function's logic. It gets the request as the client sent it (the Functions host forwards it
/// unchanged) and returns the response; a thrown exception is a 500.
/// </summary>
public interface IHttpHandler
{
    /// <summary>Handles one request.</summary>
    Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken);
}
