using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The "Park it" control's plain form post (it is on every page of a space, next to each page's
/// own forms, so it posts here rather than to the page): park the text, then go back to the page it
/// came from with a quiet confirmation. Works without JavaScript. Antiforgery is checked because
/// the endpoint binds a form. Only a path inside the same space is followed back (no open redirect).
/// </summary>
internal static class ParkItForm
{
    public const string Flag = "parked";

    public sealed class Form
    {
        public string? Text { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public static void MapParkItForm(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/spaces/{spaceId:guid}/park", async (Guid spaceId, [FromForm] Form form, ParkItem.Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(spaceId, new ParkItem.Request { Text = form.Text }, ct);
                if (outcome.IsNotFound)
                {
                    return Results.NotFound();
                }

                var state = outcome.Succeeded ? "done" : string.IsNullOrWhiteSpace(form.Text) ? "empty" : "long";
                return Results.Redirect(ReturnTo(spaceId, form.ReturnUrl, state));
            })
            .ExcludeFromDescription();

    /// <summary>The page to go back to: a local path inside this space, or else "what I parked"; with the confirmation flag set.</summary>
    public static string ReturnTo(Guid spaceId, string? returnUrl, string state)
    {
        var root = $"/spaces/{spaceId}";
        var url = LocalUrl.OrDefault(returnUrl, root + "/parked");
        var split = url.IndexOf('?', StringComparison.Ordinal);
        var path = split < 0 ? url : url[..split];
        if (!(path == root || path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)) || path.Contains('#', StringComparison.Ordinal))
        {
            path = root + "/parked";
            split = -1;
        }

        var query = split < 0 ? [] : QueryHelpers.ParseQuery(url[split..]).Where(q => q.Key != Flag).ToList();
        query.Add(new(Flag, state));
        return QueryHelpers.AddQueryString(path, query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }
}
