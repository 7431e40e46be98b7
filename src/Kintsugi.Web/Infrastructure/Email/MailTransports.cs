using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kintsugi.Web.Infrastructure.Email;

internal interface IMailTransport
{
    /// <summary>For the start-up log: where messages go (no credentials).</summary>
    string Description { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The default: each message becomes an .eml file that any mail program can open.</summary>
internal sealed class PickupDirectoryTransport(string directory, TimeProvider time) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string Description => $"writing each message as an .eml file to {Directory}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.CreateVersion7(time.GetUtcNow()):N}";
        var partial = Path.Combine(Directory, name + ".partial");
        await using (var stream = File.Create(partial))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        // Readers of the folder only ever see complete messages.
        File.Move(partial, Path.Combine(Directory, name + ".eml"));
    }
}

internal sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    public string Description => $"sending through SMTP server {options.Host}:{options.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
