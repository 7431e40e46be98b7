using System.Reflection;
using Kintsugi.Web.Components.Layout;
using Kintsugi.Web.Features.Home;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Kintsugi.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kintsugi.Web.Infrastructure;

/// <summary>Cross-cutting services and the middleware order; features add their own in their folders.</summary>
internal static partial class KintsugiCore
{
    public static WebApplicationBuilder AddKintsugiCore(this WebApplicationBuilder builder, DataDirectory data)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1_000_000;
        });

        var cookies = CookieSettings.From(configuration, builder.Environment);
        services.AddSingleton(cookies);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(data);
        services.AddSingleton(MasterKey.Load(configuration, data));
        services.AddKintsugiDataProtection();
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<PublicUrl>();
        services.Configure<QuickExitOptions>(configuration.GetSection("QuickExit"));
        services.Configure<SupportOptions>(configuration.GetSection("Support"));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookies.Name("kintsugi-af");
            options.Cookie.SecurePolicy = cookies.Policy;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Everything needs a signed-in user unless it says otherwise: anonymous endpoints are an
        // explicit allow-list (SECURITY.md A1).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddKintsugiRateLimiting(configuration);
        services.AddUseCaseHandlers();

        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length > 0)
        {
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            });
        }

        return builder;
    }

    public static WebApplication UseKintsugiPipeline(this WebApplication app)
    {
        if (app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        // API errors are ProblemDetails; page errors are pages.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true, StatusCodeSelector = StatusFor });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");

            // A form whose antiforgery token no longer matches (its session ended, or it was open
            // for days) is refused with an empty 400; send the browser to a page that explains it.
            pages.Use(async (context, next) =>
            {
                await next(context);
                if (!context.Response.HasStarted
                    && context.Response.StatusCode == StatusCodes.Status400BadRequest
                    && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
                {
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    context.Response.Headers.Location = "/error/400";
                }
            });
        });

        var masterKey = app.Services.GetRequiredService<MasterKey>();
        if (masterKey.WasCreated)
        {
            LogMasterKeyCreated(app.Logger, masterKey.Source);
        }
        else
        {
            LogMasterKey(app.Logger, masterKey.Source);
        }

        if (!app.Services.GetRequiredService<CookieSettings>().Secure && !app.Environment.IsDevelopment())
        {
            LogInsecureCookies(app.Logger);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Static files (css, js, icons): public, including the framework's fallback for missing files.</summary>
    public static void MapPublicFiles(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("");
        files.AllowAnonymous();
        files.MapStaticAssets();
    }

    /// <summary>Blazor's own endpoint for redirects during enhanced navigation carries no content and must work signed out.</summary>
    public static void AllowFrameworkEndpoints(this RazorComponentsEndpointConventionBuilder components) =>
        components.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: "/_framework/opaque-redirect" })
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });

    /// <summary>
    /// Where quick exit's placeholder history entry points: it only ever redirects to the neutral
    /// site, so pressing Forward after a quick exit never shows Kintsugi again.
    /// </summary>
    public static void MapQuickExit(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/quick-exit", (Microsoft.Extensions.Options.IOptions<QuickExitOptions> options) => Results.Redirect(options.Value.Url))
            .AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// A URL that matches nothing is simply not found, for everyone: without this catch-all the
    /// fallback authorization policy would send anonymous visitors to the sign-in page instead.
    /// </summary>
    public static void MapNotFound(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Master key: {Source}")]
    private static partial void LogMasterKey(ILogger logger, string source);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Created a new master key at {Source}. Back it up separately from the database: without it nothing encrypted can be read")]
    private static partial void LogMasterKeyCreated(ILogger logger, string source);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Security:SecureCookies is off outside Development: cookies are not __Host- prefixed and may travel over plain HTTP")]
    private static partial void LogInsecureCookies(ILogger logger);

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Every nested <c>Handler</c> class in Features is a scoped service (one use case per file).</summary>
    private static void AddUseCaseHandlers(this IServiceCollection services)
    {
        var handlers = typeof(KintsugiCore).Assembly.GetTypes()
            .Where(t => t is { Name: "Handler", IsNested: true, IsClass: true, IsAbstract: false }
                        && t.Namespace?.StartsWith("Kintsugi.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }
    }
}
