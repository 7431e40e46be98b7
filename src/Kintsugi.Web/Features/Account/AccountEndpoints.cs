using Kintsugi.Web.Features.Account.Data;
using Kintsugi.Web.Features.Account.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Kintsugi.Web.Features.Account;

/// <summary>The two form posts a page cannot answer itself: signing out (from the header) and the export download.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/sign-out", async (SignOut.Handler handler) =>
            {
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
                    { RetryAfter: { } wait } => Results.Redirect($"/account/data?problem=wait&seconds={(int)Math.Ceiling(wait.TotalSeconds)}", permanent: false),
                    _ => Results.Redirect("/account/data?problem=password"),
                };
            })
            .ExcludeFromDescription();
    }
}
