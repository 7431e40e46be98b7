using System.Net;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>With SMTP settings, messages go through that server (MailKit); when it is down, nothing is lost.</summary>
public sealed class EmailDeliveryTests
{
    [Fact]
    public async Task With_smtp_settings_messages_are_sent_through_the_server()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = new SmtpApp(smtp.Port);
        await app.InitializeAsync();
        using var client = app.NewClient();
        var email = AppClient.NewEmail();

        await client.RegisterAsync(email);

        var message = await Eventually(() => smtp.Received.FirstOrDefault(m => m.Recipient == email));
        Assert.Contains("Subject: Confirm your e-mail address", message.Data, StringComparison.Ordinal);
        Assert.Contains("/account/confirm-email?user=3D", message.Data.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(app.Mail.All()); // nothing written to the pickup folder
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_message_waits_and_the_person_sees_no_error()
    {
        int closedPort;
        await using (var gone = new FakeSmtpServer())
        {
            closedPort = gone.Port;
        }

        await using var app = new SmtpApp(closedPort);
        await app.InitializeAsync();
        using var client = app.NewClient();
        var email = AppClient.NewEmail();

        await client.RegisterAsync(email);

        var attempts = await Eventually<int>(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.OutboxMessages.Where(m => m.To == email).Select(m => m.Attempts).SingleOrDefaultAsync();
        });
        Assert.True(attempts >= 1);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<T> Eventually<T>(Func<T> probe) => await Eventually(() => Task.FromResult(probe()));

    private static async Task<T> Eventually<T>(Func<Task<T>> probe)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await probe() is { } value && !EqualityComparer<T>.Default.Equals(value, default))
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition was not met in time.");
    }

    private sealed class SmtpApp(int port) : KintsugiApp
    {
        public override string Provider => "Sqlite";

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        };

        protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
    }
}
