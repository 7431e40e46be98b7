using Microsoft.AspNetCore.Http.Json;

namespace Kintsugi.Web.Infrastructure.Http;

internal static class ApiSetup
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;

            // Validation errors are keyed like the JSON the client sent ("email", not "Email").
            options.SerializerOptions.DictionaryKeyPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;

            // Choices travel as words ("partners", "onlyMe"), never as numbers that mean nothing out of context.
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Kintsugi API";
                document.Info.Description = "Everything the pages do, as JSON. Authentication is the session cookie from POST /api/v1/account/sign-in.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>The root of the JSON API: every state-changing call must be JSON, which no cross-site form can send.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            {
                if (!request.HasJsonContentType())
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Send JSON",
                        detail: "Requests that change something must have Content-Type: application/json (an empty object is fine).");
                }
            }

            return await next(context);
        });
        return api;
    }

    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
