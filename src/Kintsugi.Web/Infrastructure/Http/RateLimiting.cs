using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Kintsugi.Web.Infrastructure.Http;

internal sealed class RateLimitOptions
{
    /// <summary>Attempts one client address may make at the sign-in, sign-up and recovery forms and APIs.</summary>
    public int AuthPermitLimit { get; set; } = 20;

    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Per-client-address limits for the endpoints an attacker would hammer. These live in each
/// instance's memory: they blunt floods before they reach the database. The per-account limits,
/// which must hold across instances, are kept in the database (Features/Account/Throttling).
/// </summary>
internal static class RateLimiting
{
    public const string AuthPolicy = "auth";

    public static IServiceCollection AddKintsugiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.AuthWindow;
                return new ValueTask(TooManyRequests.WriteAsync(context.HttpContext, retryAfter));
            };
            limiter.AddPolicy(AuthPolicy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(ClientKey(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AuthPermitLimit,
                    Window = options.AuthWindow,
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    /// <summary>IPv6 clients usually own a whole /64, so they are limited as one.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
