using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Infrastructure.Reminders;

internal static class RemindersSetup
{
    public sealed record OptIn(bool Email);

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        services.AddScoped<ReminderSchedule>();
        services.AddHostedService<ReminderDispatcher>();
        return services;
    }

    /// <summary>The person's own opt-in to content-free reminder e-mails, under /api/v1/account/reminders.</summary>
    public static RouteGroupBuilder MapRemindersApi(this RouteGroupBuilder api)
    {
        var reminders = api.MapGroup("/account/reminders").WithTags("Account").RequireAuthorization();
        reminders.MapGet("/", async (ReminderSchedule service, Features.Account.CurrentUser current, CancellationToken ct) =>
                TypedResults.Ok(new OptIn(await service.IsOptedInAsync(current.Id ?? Guid.Empty, ct))))
            .WithSummary("Whether you get reminder e-mails. They say only that something is due, never what or in which space.");
        reminders.MapPut("/", async (OptIn request, ReminderSchedule service, Features.Account.CurrentUser current, CancellationToken ct) =>
            {
                await service.SetOptInAsync(current.Id ?? Guid.Empty, request.Email, ct);
                return TypedResults.Ok(new OptIn(request.Email));
            })
            .Produces<OptIn>().WithProblems()
            .WithSummary("Turn reminder e-mails on ({\"email\":true}) or off.");
        return api;
    }
}
