namespace KubeBind.DevApiServer.Resources;

/// <summary>A column of server-side printing (<c>additionalPrinterColumns</c>); JsonPath like <c>.spec.intent</c>.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", string Format = "", int Priority = 0);
