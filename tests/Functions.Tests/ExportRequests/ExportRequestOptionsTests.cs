using KubeBind.Functions.ExportRequests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Tests.ExportRequests;

public sealed class ExportRequestOptionsTests
{
    [Fact]
    public void Options_HaveUpstreamDefaults_WhenNothingIsConfigured()
    {
        using var services = Services();

        var options = services.GetRequiredService<IOptions<ExportRequestOptions>>().Value;

        Assert.Equal(("Namespaced", "Prefixed", "CustomResourceDefinition.v1.apiextensions.k8s.io"), (options.ConsumerScope, options.Isolation, options.SchemaSource));
    }

    [Theory]
    [InlineData("cluster", "PREFIXED", "customresourcedefinitions", "Cluster", "Prefixed")]
    [InlineData("NAMESPACED", "namespaced", "CustomResourceDefinition.v1.apiextensions.k8s.io", "Namespaced", "Namespaced")]
    [InlineData("Cluster", "none", "CUSTOMRESOURCEDEFINITIONS", "Cluster", "None")]
    public void Options_AreNormalised_WhenSpelledInAnyCase(string consumerScope, string isolation, string schemaSource, string expectedScope, string expectedIsolation)
    {
        using var services = Services(("ConsumerScope", consumerScope), ("Isolation", isolation), ("SchemaSource", schemaSource));

        var options = services.GetRequiredService<IOptions<ExportRequestOptions>>().Value;

        Assert.Equal((expectedScope, expectedIsolation, ExportRequestOptions.CrdSchemaSource), (options.ConsumerScope, options.Isolation, options.SchemaSource));
    }

    [Theory]
    [InlineData("ConsumerScope", "Namespace", "ConsumerScope must be Namespaced or Cluster")]
    [InlineData("Isolation", "prefix", "Isolation must be Prefixed, Namespaced or None")]
    [InlineData("Isolation", "", "Isolation must be Prefixed, Namespaced or None")]
    [InlineData("SchemaSource", "apiresourceschemas", "SchemaSource 'apiresourceschemas' is not supported")]
    public void StartupValidation_Fails_WhenSettingIsInvalid(string key, string value, string message)
    {
        using var services = Services((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{ExportRequestOptions.SectionName}:{s.Key}", (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddExportRequestsFunction(configuration).BuildServiceProvider();
    }
}
