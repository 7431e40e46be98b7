using System.Globalization;
using System.Text.Encodings.Web;
using Kintsugi.Web.Components.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Infrastructure.Http;

/// <summary>
/// Every throttle answers the same way (SECURITY.md B5): 429 with Retry-After, as ProblemDetails
/// for the API and as a calm page for a browser.
/// </summary>
internal static class TooManyRequests
{
    public const string Title = "Too many attempts";

    private static string Wait(TimeSpan retryAfter)
    {
        var minutes = (int)Math.Ceiling(retryAfter.TotalMinutes);
        return minutes <= 1 ? "about a minute" : $"{minutes} minutes";
    }

    public static string Message(TimeSpan retryAfter) =>
        $"There have been too many attempts. To keep accounts safe, please wait {Wait(retryAfter)} and try again.";

    public static void SetHeaders(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Seconds(retryAfter);
    }

    public static string Seconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static IResult Problem(TimeSpan retryAfter) => new RetryAfterResult(retryAfter);

    /// <summary>Used by the rate-limiting middleware, where no endpoint or component runs.</summary>
    public static async Task WriteAsync(HttpContext context, TimeSpan retryAfter)
    {
        SetHeaders(context.Response, retryAfter);
        if (context.Request.Path.StartsWithSegments("/api") || !AcceptsHtml(context.Request))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Details(retryAfter) });
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var message = HtmlEncoder.Default.Encode(Message(retryAfter));
        var quickExit = HtmlEncoder.Default.Encode(context.RequestServices.GetRequiredService<IOptions<QuickExitOptions>>().Value.Url);
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Title}} · Kintsugi</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><a class="quick-exit" id="quick-exit" href="{{quickExit}}" rel="noreferrer" data-quick-exit>Quick exit</a>
            <main id="main" class="page"><h1>{{Title}}</h1><p>{{message}}</p><p><a href="/">Back to the start</a></p></main>
            <script src="/js/quick-exit.js"></script></body></html>
            """);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static ProblemDetails Details(TimeSpan retryAfter) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = Title,
        Detail = Message(retryAfter),
        Type = "https://tools.ietf.org/html/rfc6585#section-4",
    };

    private sealed class RetryAfterResult(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, retryAfter);
    }
}
