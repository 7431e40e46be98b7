using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Spaces;

internal static class SpacesSetup
{
    public static IServiceCollection AddSpaces(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SpaceOptions>(configuration.GetSection("Spaces"));
        services.AddScoped<SpaceAccess>();
        services.AddScoped<Admission>();
        services.AddScoped<ContentKeys>();
        services.AddScoped<JournalText>();
        services.AddScoped<BreachReader>();
        services.AddScoped<ConversationReader>();
        services.AddScoped<Atone.CommitmentReader>();
        services.AddScoped<Atone.ContainerReader>();
        services.AddScoped<SpacePageGate>();
        return services;
    }
}
