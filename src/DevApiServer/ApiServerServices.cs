using KubeBind.DevApiServer.Auth;
using KubeBind.DevApiServer.Resources;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer;

/// <summary>The shared state of one server instance: store, served types, token issuer, clock and options.</summary>
internal sealed class ApiServerServices
{
    public ApiServerServices(DevApiServerOptions options, TimeProvider time, ServingIdentity identity)
    {
        Options = options;
        Time = time;
        Identity = identity;
        Store = new ObjectStore(options.WatchHistorySize, options.WatcherQueueSize);
        Registry = new ResourceRegistry();
        Tokens = new TokenIssuer(identity.ServiceAccountSigningKey, options.Issuer, time);
        Authorizer = new RbacAuthorizer(this);
        Escalation = new EscalationGuard(Authorizer, this);
    }

    public DevApiServerOptions Options { get; }

    public TimeProvider Time { get; }

    public ServingIdentity Identity { get; }

    public ObjectStore Store { get; }

    public ResourceRegistry Registry { get; }

    public TokenIssuer Tokens { get; }

    public RbacAuthorizer Authorizer { get; }

    /// <summary>RBAC escalation prevention, consulted by the RBAC strategies on every write.</summary>
    public EscalationGuard Escalation { get; }

    public DateTimeOffset Now => Time.GetUtcNow();
}
