using KubeBind.DevApiServer.Auth;
using KubeBind.DevApiServer.Controllers;
using KubeBind.DevApiServer.Http;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Hosting;

/// <summary>The composition root of DevApiServer.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddDevApiServer(this IServiceCollection services, DevApiServerOptions options, ServingIdentity identity, string adminToken, TimeProvider time)
    {
        var core = new ApiServerServices(options, time, identity);
        core.Registry.AddBuiltIns(BuiltInTypes.Create());
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(core);
        services.AddSingleton<ObjectService>();
        services.AddSingleton(sp => new Authenticator(sp.GetRequiredService<ApiServerServices>(), adminToken));
        services.AddSingleton(core.Authorizer);
        services.AddSingleton<ApiHandler>();
        services.AddSingleton<ControllerContext>();
        services.AddHostedService<ControllerManager>();
        return services;
    }
}
