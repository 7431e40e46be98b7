using Kintsugi.Web.Infrastructure.Storage;

namespace Kintsugi.Web.Infrastructure.Email;

internal static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder, DataDirectory data)
    {
        var section = builder.Configuration.GetSection("Email");
        var options = section.Get<EmailOptions>() ?? new EmailOptions();
        builder.Services.Configure<EmailOptions>(section);
        builder.Services.AddSingleton<IMailTransport>(provider => string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? new PickupDirectoryTransport(
                string.IsNullOrWhiteSpace(options.PickupDirectory) ? data.PathFor("mail") : Path.Combine(data.Root, options.PickupDirectory),
                provider.GetRequiredService<TimeProvider>())
            : new SmtpTransport(options.Smtp));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<EmailOutbox>();
        builder.Services.AddScoped<EmailComposer>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
