using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Auth;

namespace KubeBind.DevApiServer.Http;

/// <summary>
/// The create-only review APIs (SubjectAccessReview and friends, TokenReview, SelfSubjectReview) and the
/// ServiceAccount <c>token</c> subresource: computed answers, never stored.
/// </summary>
internal sealed class Reviews
{
    private const long MaxExpirationSeconds = 1L << 32;

    private readonly ApiServerServices _services;
    private readonly Authenticator _authenticator;
    private readonly RbacAuthorizer _authorizer;

    public Reviews(ApiServerServices services, Authenticator authenticator, RbacAuthorizer authorizer)
    {
        _services = services;
        _authenticator = authenticator;
        _authorizer = authorizer;
    }

    public JsonObject Create(Resources.ResourceType type, string? ns, JsonObject review, UserInfo caller)
    {
        if (review.GetString("kind") != type.Kind || review.GetString("apiVersion") != type.ApiVersion)
        {
            throw ApiException.BadRequest($"expected {type.ApiVersion}, Kind={type.Kind}");
        }

        var spec = review["spec"] as JsonObject ?? [];
        var result = new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
        };
        switch (type.Kind)
        {
            case "SelfSubjectAccessReview":
                result["status"] = Access(caller, spec, null);
                break;
            case "SubjectAccessReview":
                result["status"] = Access(SubjectOf(spec), spec, null);
                break;
            case "LocalSubjectAccessReview":
                var attributesNamespace = (spec["resourceAttributes"] as JsonObject)?.GetString("namespace");
                if (attributesNamespace != ns)
                {
                    throw ApiException.Invalid(type.Group, type.Kind, string.Empty, [StatusCause.Invalid("spec.resourceAttributes.namespace", attributesNamespace ?? string.Empty, "must match metadata.namespace")]);
                }

                result["metadata"]!["namespace"] = ns;
                result["status"] = Access(SubjectOf(spec), spec, ns);
                break;
            case "SelfSubjectRulesReview":
                result["status"] = Rules(caller, spec.GetString("namespace"));
                break;
            case "TokenReview":
                result["status"] = Token(spec);
                break;
            case "SelfSubjectReview":
                result["status"] = new JsonObject { ["userInfo"] = UserJson(caller) };
                break;
            default:
                throw ApiException.MethodNotAllowed();
        }

        return result;
    }

    /// <summary>POST serviceaccounts/{name}/token: a signed, audience-bound, expiring token.</summary>
    public JsonObject TokenRequest(string ns, string serviceAccount, JsonObject request)
    {
        var account = _services.Store.Get(WellKnown.ServiceAccounts, ns, serviceAccount)
            ?? throw ApiException.NotFound(WellKnown.ServiceAccounts, serviceAccount);
        var spec = request["spec"] as JsonObject ?? [];
        var audiences = Meta.StringList(spec["audiences"]);
        if (audiences.Count == 0)
        {
            audiences = [_services.Tokens.Issuer];
        }

        var seconds = spec["expirationSeconds"] is JsonValue e && e.TryGetValue<long>(out var requested) ? requested : 3600;
        if (seconds > MaxExpirationSeconds)
        {
            throw ApiException.Invalid("authentication.k8s.io", "TokenRequest", serviceAccount, [StatusCause.Invalid("spec.expirationSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "may not specify a duration larger than 2^32 seconds")]);
        }

        if (seconds < 600)
        {
            throw ApiException.Invalid("authentication.k8s.io", "TokenRequest", serviceAccount, [StatusCause.Invalid("spec.expirationSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "may not specify a duration less than 10 minutes")]);
        }

        JsonObject? boundSecret = null;
        if (spec["boundObjectRef"] is JsonObject bound && bound.GetString("kind") == "Secret")
        {
            var secret = _services.Store.Get(WellKnown.Secrets, ns, bound.GetString("name") ?? string.Empty)
                ?? throw ApiException.NotFound(WellKnown.Secrets, bound.GetString("name") ?? string.Empty);
            boundSecret = new JsonObject { ["name"] = secret.Name, ["uid"] = secret.Uid };
        }

        var expires = _services.Now.AddSeconds(seconds);
        var token = _services.Tokens.IssueBound(ns, serviceAccount, account.Uid, audiences, expires, boundSecret);
        return new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = serviceAccount, ["namespace"] = ns, ["creationTimestamp"] = null },
            ["spec"] = new JsonObject
            {
                ["audiences"] = new JsonArray([.. audiences.Select(a => (JsonNode?)a)]),
                ["expirationSeconds"] = seconds,
                ["boundObjectRef"] = spec["boundObjectRef"]?.DeepClone(),
            },
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Meta.Timestamp(expires) },
        };
    }

    private JsonObject Access(UserInfo user, JsonObject spec, string? namespaceOverride)
    {
        RequestAttributes attributes;
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            attributes = new RequestAttributes
            {
                Verb = resource.GetString("verb") ?? string.Empty,
                IsResourceRequest = true,
                ApiGroup = resource.GetString("group") ?? string.Empty,
                ApiVersion = resource.GetString("version") ?? string.Empty,
                Resource = resource.GetString("resource") ?? string.Empty,
                Subresource = resource.GetString("subresource") ?? string.Empty,
                Namespace = namespaceOverride ?? resource.GetString("namespace") ?? string.Empty,
                Name = resource.GetString("name") ?? string.Empty,
            };
        }
        else if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            attributes = new RequestAttributes { Verb = nonResource.GetString("verb") ?? string.Empty, Path = nonResource.GetString("path") ?? string.Empty };
        }
        else
        {
            throw ApiException.Invalid(BuiltInTypesGroup, "SubjectAccessReview", string.Empty, [StatusCause.Invalid("spec.resourceAttributes", string.Empty, "exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
        }

        var allowed = _authorizer.Authorize(user, attributes);
        var status = new JsonObject { ["allowed"] = allowed };
        if (allowed && !user.IsMaster)
        {
            status["reason"] = "RBAC: allowed by a RoleBinding or ClusterRoleBinding";
        }

        return status;
    }

    private const string BuiltInTypesGroup = "authorization.k8s.io";

    private JsonObject Rules(UserInfo user, string? ns)
    {
        var rules = user.IsMaster
            ? [new PolicyRule(["*"], ["*"], ["*"], [], []), new PolicyRule(["*"], [], [], [], ["*"])]
            : _authorizer.RulesFor(user, ns);
        return new JsonObject
        {
            ["resourceRules"] = new JsonArray([.. rules.Where(r => r.NonResourceUrls.Count == 0).Select(r => (JsonNode?)r.ToJson(resource: true))]),
            ["nonResourceRules"] = new JsonArray([.. rules.Where(r => r.NonResourceUrls.Count > 0).Select(r => (JsonNode?)r.ToJson(resource: false))]),
            ["incomplete"] = false,
        };
    }

    private JsonObject Token(JsonObject spec)
    {
        var token = spec.GetString("token") ?? string.Empty;
        var requested = Meta.StringList(spec["audiences"]);
        // Tokens requested for another audience (kubectl create token --audience=x) only pass a review for that audience.
        var result = token.Length == 0 ? null : _authenticator.AuthenticateToken(token, requested.Count > 0 ? requested : [_services.Tokens.Issuer]);
        if (result is not { } authenticated)
        {
            return new JsonObject { ["authenticated"] = false, ["user"] = new JsonObject(), ["error"] = "invalid bearer token" };
        }

        return new JsonObject
        {
            ["authenticated"] = true,
            ["user"] = UserJson(authenticated.User),
            ["audiences"] = new JsonArray([.. authenticated.Audiences.Select(a => (JsonNode?)a)]),
        };
    }

    private static UserInfo SubjectOf(JsonObject spec) =>
        new(spec.GetString("user") ?? string.Empty, Meta.StringList(spec["groups"]), spec.GetString("uid") ?? string.Empty);

    private static JsonObject UserJson(UserInfo user)
    {
        var json = new JsonObject
        {
            ["username"] = user.Name,
            ["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode?)g)]),
        };
        if (!string.IsNullOrEmpty(user.Uid))
        {
            json["uid"] = user.Uid;
        }

        return json;
    }
}
