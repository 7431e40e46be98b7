using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Kintsugi.Web.Features.Apology;

/// <summary>
/// POST /api/v1/apology-feedback: the apology feedback without an account. It stores nothing and
/// logs nothing: the body is read here (not by the framework's binder, whose errors can quote
/// input), every failure answers with a fixed message, and nothing is written to a log.
/// </summary>
internal static class ApologyFeedbackApi
{
    public const string RatePolicy = "apology-feedback";

    public const int MaxLength = 20_000;

    public const string TooLong = "The text can be at most 20,000 characters. Check it in parts.";

    public const string Missing = "Send the text to check, as {\"text\": \"…\"}.";

    /// <summary>What the client sends.</summary>
    public sealed record Request([property: JsonPropertyName("text")] string Text);

    public sealed record Finding(
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("length")] int Length,
        [property: JsonPropertyName("message")] string Message);

    public sealed record Components(
        [property: JsonPropertyName("regret")] bool Regret,
        [property: JsonPropertyName("responsibility")] bool Responsibility,
        [property: JsonPropertyName("impact")] bool Impact,
        [property: JsonPropertyName("repair")] bool Repair,
        [property: JsonPropertyName("change")] bool Change,
        [property: JsonPropertyName("forgiveness_request")] bool ForgivenessRequest);

    /// <summary>The answer, shaped explicitly (snake_case kinds, "forgiveness_request") rather than by the API's camelCase defaults.</summary>
    public sealed record Response(
        [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings,
        [property: JsonPropertyName("components")] Components Components);

    public static Response Shape(ApologyReport report) => new(
        [.. report.Findings.Select(f => new Finding(ApologyChecker.KindKey(f.Kind), f.Start, f.Length, f.Message))],
        new Components(report.Components.Regret, report.Components.Responsibility, report.Components.Impact,
            report.Components.Repair, report.Components.Change, report.Components.ForgivenessRequest));

    /// <summary>At least 60 checks a minute per client address: a bucket of 60 that refills one a second (configurable).</summary>
    public static IServiceCollection AddApologyFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(60, configuration.GetValue("RateLimits:ApologyFeedbackPerMinute", 60));
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RatePolicy, http =>
            RateLimitPartition.GetTokenBucketLimiter(RateLimiting.ClientKey(http.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = Math.Max(1, perMinute / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
        return services;
    }

    public static RouteGroupBuilder MapApologyFeedbackApi(this RouteGroupBuilder api)
    {
        api.MapPost("/apology-feedback", CheckAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RatePolicy)
            .WithTags("Apology feedback")
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                // The body is read by hand (see above), so describe it here; Accepts<T>() would
                // also constrain routing and turn a non-JSON request into a 404 instead of a 415.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(Request), null, ct) },
                    },
                };
            })
            .Produces<Response>()
            .WithProblems(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Feedback on an apology: findings on the words they concern (UTF-16 offsets) and the parts of a full apology present. Anonymous; stores and logs nothing.");
        return api;
    }

    private static async Task<IResult> CheckAsync(HttpRequest request, CancellationToken ct)
    {
        string? text;
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, default, ct);
            text = json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("text", out var value)
                   && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or InvalidOperationException)
        {
            // Whatever the reader says may quote the body: answer with our own words only.
            text = null;
        }

        if (text is null)
        {
            return Invalid(Missing);
        }

        return text.Length > MaxLength ? Invalid(TooLong) : TypedResults.Ok(Shape(ApologyChecker.English.Check(text)));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [message] });
}
