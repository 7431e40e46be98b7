using Kintsugi.Web.Features.Account.Data;
using Kintsugi.Web.Features.Account.SignIn;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Kintsugi.Web.Features.Account;

/// <summary>The two form posts a page cannot answer itself: signing out (from the header) and the export download.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/sign-out", async (HttpContext context, SignOut.Handler handler) =>
            {
                // The metadata below makes the middleware check the token; an endpoint that binds no
                // form must still look at the verdict itself.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    return Results.BadRequest();
                }

                await handler.HandleAsync();
                return Results.Redirect("/account/signed-out");
            })
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        endpoints.MapPost("/account/data/export", async ([FromForm] ExportData.Request request, ExportData.Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(request, ct);
                return outcome switch
                {
                    { Succeeded: true } => Results.File(outcome.Value!.Content, "application/json", outcome.Value.Name),
                    { RetryAfter: { } wait } => TooManyRequests.Problem(wait),
                    _ => Results.Redirect("/account/data?problem=password"),
                };
            })
            .ExcludeFromDescription();
    }
}
