using Kintsugi.Web.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kintsugi.Web.Features.Health;

/// <summary>
/// <c>/healthz</c>: ready (the database answers). <c>/healthz/live</c>: the process answers, touching
/// nothing, which also makes it the plaintext baseline for the benchmarks.
/// </summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz").AllowAnonymous().DisableRateLimiting();
        endpoints.MapGet("/healthz/live", () => TypedResults.Text("Healthy")).AllowAnonymous().ExcludeFromDescription();
    }

    private sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
