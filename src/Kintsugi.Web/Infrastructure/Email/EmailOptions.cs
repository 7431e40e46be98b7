namespace Kintsugi.Web.Infrastructure.Email;

/// <summary>Configured under <c>Email</c>. Without <c>Email:Smtp:Host</c>, messages are written as .eml files.</summary>
internal sealed class EmailOptions
{
    /// <summary>Folder for .eml files; relative paths are inside the data directory. Default: data/mail.</summary>
    public string? PickupDirectory { get; set; }

    public string FromAddress { get; set; } = "no-reply@kintsugi.invalid";

    public string FromName { get; set; } = "Kintsugi";

    public SmtpOptions Smtp { get; set; } = new();
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto, StartTls, SslOnConnect or None (None only for a relay on the same machine).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
