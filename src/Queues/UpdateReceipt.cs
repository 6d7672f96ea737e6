namespace KubeBind.Queues;

/// <summary>What the service answers to an update: the message's new pop receipt and visibility.</summary>
/// <param name="PopReceipt">The receipt that replaces the one the update used.</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
